import { Logger } from '@nestjs/common';
import { type LogEntry, type logCreator, logLevel } from 'kafkajs';

/**
 * Broker answers that are part of normal life (a group rebalancing, a partition whose leader is still being
 * elected, a coordinator still loading): kafkajs logs each at ERROR where it reads the response, then retries and
 * carries on. At start-up every service saw dozens; they are debug lines here, and a failure that lasts surfaces as
 * the consumer's or producer's own error.
 */
const TRANSIENT_BROKER_ANSWERS = [
  'The group is rebalancing',
  'is not the leader for that topic-partition',
  'does not host this topic-partition',
  'in the middle of a leadership election',
  'The coordinator is not available',
  'The coordinator is loading',
  'This is not the correct coordinator',
  'The group coordinator is not available',
  // Services racing to create the same topics on a fresh cluster: ensureTopics retries, and reports what lasts.
  'Topic creation errors',
];

export function isTransientBrokerAnswer(error: unknown): boolean {
  return typeof error === 'string' && TRANSIENT_BROKER_ANSWERS.some((answer) => error.includes(answer));
}

/** The level an entry deserves: kafkajs' own, except transient broker answers, which are debug. */
export function levelOf(entry: LogEntry): 'error' | 'warn' | 'log' | 'debug' {
  if (entry.level === logLevel.ERROR || entry.level === logLevel.WARN) {
    if (isTransientBrokerAnswer(entry.log.error)) return 'debug';
    return entry.level === logLevel.ERROR ? 'error' : 'warn';
  }
  return entry.level === logLevel.INFO ? 'log' : 'debug';
}

/** kafkajs logs through the service's logger (JSON, redacted like every other line), each at the level it deserves. */
export function kafkaLogCreator(context: string): logCreator {
  const logger = new Logger(context);
  return () => (entry) => {
    const { message, error } = entry.log;
    const text = `[${entry.namespace}] ${message}${typeof error === 'string' ? `: ${error}` : ''}`;
    logger[levelOf(entry)](text);
  };
}
