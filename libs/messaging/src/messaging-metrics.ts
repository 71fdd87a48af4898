import { Counter, Histogram, register } from 'prom-client';

function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string>) ?? new Counter({ name, help, labelNames });
}

function histogram(name: string, help: string, labelNames: string[], buckets: number[]): Histogram<string> {
  return (register.getSingleMetric(name) as Histogram<string>) ?? new Histogram({ name, help, labelNames, buckets });
}

/** Messaging metrics, registered once per process in the default Prometheus registry. */
export const messagingMetrics = {
  outboxPublished: counter('candor_outbox_published_total', 'Events published from the outbox', ['schema']),
  eventsConsumed: counter('candor_events_consumed_total', 'Events handled by outcome', ['topic', 'outcome']),
  handlingSeconds: histogram(
    'candor_event_handling_seconds',
    'Time to handle one transaction of events from a partition, including retries',
    ['topic'],
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
  ),
};
