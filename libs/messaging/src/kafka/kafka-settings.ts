import { Kafka, type KafkaConfig, Partitioners, type ProducerConfig, logLevel } from 'kafkajs';
import { kafkaLogCreator } from './kafka-logging';
import { type KafkaSecuritySettings, kafkaConnectionOptions } from './kafka-security';

/** What a service needs to reach its Kafka cluster. */
export interface KafkaSettings {
  brokers: string[];
  /** Prefix for every topic and consumer group (empty in a normal deployment). */
  namespace: string;
  /** Service name: client id and consumer group. */
  serviceName: string;
  /** TLS and SASL login (the service's own principal). */
  security: KafkaSecuritySettings;
}

export function createKafkaClient(settings: KafkaSettings, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: `candor-${settings.serviceName}`,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator('Kafka'),
    retry: { initialRetryTime: 200, retries: 8 },
    ...kafkaConnectionOptions(settings.security),
    ...overrides,
  });
}

export function consumerGroupId(settings: Pick<KafkaSettings, 'namespace' | 'serviceName'>): string {
  const group = `candor-${settings.serviceName}`;
  return settings.namespace ? `${settings.namespace}.${group}` : group;
}

/**
 * Idempotent producer (no duplicates from its own retries), one request in
 * flight (keeps order), retrying until the broker is back (kafkajs' advice for
 * idempotence), never creating topics by accident. acks=all is set per send.
 */
export const RELIABLE_PRODUCER: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 10_000 },
  createPartitioner: Partitioners.DefaultPartitioner,
};
