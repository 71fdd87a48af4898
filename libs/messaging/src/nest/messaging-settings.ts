import type { RetryPolicy } from '../consumer/retry-policy';
import type { KafkaSettings } from '../kafka/kafka-settings';

/** Everything the messaging module needs, taken from the service's validated configuration. */
export interface MessagingSettings extends KafkaSettings {
  /** Postgres schema that holds this service's outbox and inbox. */
  schema: string;
  topicPartitions: number;
  retry: RetryPolicy;
  partitionsConsumedConcurrently: number;
  maxCrashes: number;
  handlerTimeoutMs: number;
  outboxBatchSize: number;
  outboxPollIntervalMs: number;
  outboxRetentionHours: number;
}
