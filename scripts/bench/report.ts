/**
 * Prints the benchmark's figures: a table for people, then one JSON line for
 * tools. Targets are the ones of issue 2 and are shown for comparison only.
 */
import type { ServiceName } from './services';
import type { PhaseResult } from './stats';

export const TARGETS = {
  p99Ms: 50,
  messagesPerSecond: 2_000,
  p50FloorRatio: 3,
  rssMb: 150,
} as const;

export interface ServiceFigures {
  name: ServiceName;
  /** Whether the service is on the measured path (conversation, bot-engine) or idle. */
  role: 'path' | 'idle';
  idleRssMb: number;
  peakRssMb: number;
  /** CPU seconds the service used during the measured Candor phase. */
  cpuSeconds: number;
}

export interface BenchFigures {
  runId: string;
  settings: {
    conversations: number;
    messagesPerConversation: number;
    thinkMs: number;
    partitions: number;
    pgPool: number;
    cpus: number;
    node: string;
  };
  candor: PhaseResult;
  postgres: PhaseResult;
  kafka: PhaseResult;
  /** Postgres commit p50 + Kafka hop p50. */
  floorP50Ms: number;
  /** Candor p50 ÷ floor p50. */
  p50FloorRatio: number;
  services: ServiceFigures[];
  /** CPU seconds the benchmark client itself used during the Candor phase. */
  clientCpuSeconds: number;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const rate = (value: number) => Math.round(value).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

export function printReport(figures: BenchFigures): void {
  const { candor, postgres, kafka, settings } = figures;
  const rows: [string, string, string, string][] = [];
  const section = (title: string) => rows.push([title, '', '', '']);
  const row = (label: string, value: string, target = '', status = '') => rows.push([`  ${label}`, value, target, status]);

  section(`Candor end to end: visitor POST message -> bot reply on the WebSocket`);
  row(
    'msgs/s (visitor messages answered)',
    rate(candor.perSecond),
    `>= ${rate(TARGETS.messagesPerSecond)}`,
    verdict(candor.perSecond >= TARGETS.messagesPerSecond),
  );
  row('messages stored/s (visitor + bot)', rate(candor.perSecond * 2));
  row('p50 latency (ms)', ms(candor.p50Ms));
  row('p90 latency (ms)', ms(candor.p90Ms));
  row('p99 latency (ms)', ms(candor.p99Ms), `<= ${TARGETS.p99Ms}`, verdict(candor.p99Ms <= TARGETS.p99Ms));
  row('max latency (ms)', ms(candor.maxMs));
  row('round trips completed / failed', `${candor.completed} / ${candor.failed}`);

  section(`Raw floor, no Candor code, same concurrency (${settings.conversations} workers)`);
  row(`Postgres commits/s (pool of ${settings.pgPool})`, rate(postgres.perSecond));
  row('Postgres commit p50 / p99 (ms)', `${ms(postgres.p50Ms)} / ${ms(postgres.p99Ms)}`);
  row('Kafka hops/s (acks=-1 -> group consumer)', rate(kafka.perSecond));
  row('Kafka hop p50 / p99 (ms)', `${ms(kafka.p50Ms)} / ${ms(kafka.p99Ms)}`);
  row('floor p50 = commit p50 + hop p50 (ms)', ms(figures.floorP50Ms));
  row(
    'Candor p50 / floor p50',
    `${figures.p50FloorRatio.toFixed(2)}x`,
    `<= ${TARGETS.p50FloorRatio}x`,
    verdict(figures.p50FloorRatio <= TARGETS.p50FloorRatio),
  );

  section('Memory per service (RSS, MB; peak = VmHWM over the whole run) and CPU during the Candor phase');
  for (const service of figures.services) {
    row(
      `${service.name.padEnd(15)} ${service.role === 'path' ? 'on path' : 'idle   '} idle ${service.idleRssMb.toFixed(0).padStart(4)}  peak`,
      service.peakRssMb.toFixed(0),
      `<= ${TARGETS.rssMb}`,
      `${verdict(service.peakRssMb <= TARGETS.rssMb)}  (cpu ${service.cpuSeconds.toFixed(1)} s)`,
    );
  }
  row('benchmark client cpu (s)', figures.clientCpuSeconds.toFixed(1));

  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((cells) => (cells[1] ? cells[column].length : 0))));
  const lines = rows.map(([label, value, target, status]) =>
    value
      ? `${label.padEnd(widths[0])}  ${value.padStart(widths[1])}  ${target.padEnd(widths[2])}  ${status}`.trimEnd()
      : `\n${label}`,
  );
  const header =
    `Candor foundation benchmark (run ${figures.runId}): ${settings.conversations} conversations x ` +
    `${settings.messagesPerConversation} messages, closed loop (think ${settings.thinkMs} ms), ` +
    `${settings.partitions} partitions, ${settings.cpus} CPUs, node ${settings.node}`;
  process.stdout.write(`\n${header}\n${lines.join('\n')}\n`);

  for (const [phase, result] of Object.entries({ candor, postgres, kafka })) {
    if (result.stoppedAtDeadline) process.stdout.write(`\nnote: ${phase} phase stopped at --duration before finishing\n`);
    for (const error of result.errors) process.stdout.write(`\n${phase} failure: ${error}`);
  }
  process.stdout.write(`\nBENCH_JSON ${JSON.stringify(figures)}\n`);
}
