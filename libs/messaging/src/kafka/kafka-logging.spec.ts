import { type LogEntry, logLevel } from 'kafkajs';
import { levelOf } from './kafka-logging';

const entry = (level: logLevel, error?: string): LogEntry => ({
  namespace: 'Connection',
  level,
  label: logLevel[level],
  log: { timestamp: '2026-12-07T00:00:00.000Z', message: 'Response Heartbeat(key: 12, version: 3)', error },
});

describe('the level of a Kafka client log line', () => {
  it('makes the broker answers of normal start-up and rebalancing debug lines', () => {
    for (const answer of [
      'The group is rebalancing, so a rejoin is needed',
      'This server is not the leader for that topic-partition',
      'This server does not host this topic-partition',
      'There is no leader for this topic-partition as we are in the middle of a leadership election',
      'The coordinator is not available',
      'Topic creation errors',
    ]) {
      expect({ answer, level: levelOf(entry(logLevel.ERROR, answer)) }).toEqual({ answer, level: 'debug' });
    }
  });

  it('keeps every other error and warning at its own level', () => {
    expect(levelOf(entry(logLevel.ERROR, 'SASL SCRAM SHA512 authentication failed'))).toBe('error');
    expect(levelOf(entry(logLevel.ERROR, 'Topic authorization failed'))).toBe('error');
    expect(levelOf(entry(logLevel.ERROR))).toBe('error');
    expect(levelOf(entry(logLevel.WARN, 'Request timed out'))).toBe('warn');
    expect(levelOf(entry(logLevel.INFO))).toBe('log');
    expect(levelOf(entry(logLevel.DEBUG))).toBe('debug');
  });
});
