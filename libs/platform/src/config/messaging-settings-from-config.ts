import type { KafkaSaslMechanism, KafkaSecuritySettings, MessagingSettings } from '@candor/messaging';
import type { BaseServiceConfig } from './base-service.config';

export function messagingSettingsFrom(
  config: BaseServiceConfig,
  serviceName: string,
  schema: string,
): MessagingSettings {
  return {
    serviceName,
    schema,
    brokers: config.KAFKA_BROKERS.split(','),
    namespace: config.KAFKA_NAMESPACE,
    security: kafkaSecurityFrom(config),
    topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
    retry: {
      maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
      baseDelayMs: config.CONSUMER_RETRY_BASE_MS,
      maxDelayMs: config.CONSUMER_RETRY_MAX_MS,
    },
    partitionsConsumedConcurrently: config.CONSUMER_CONCURRENT_PARTITIONS,
    maxCrashes: config.CONSUMER_MAX_CRASHES,
    handlerTimeoutMs: config.CONSUMER_HANDLER_TIMEOUT_MS,
    outboxBatchSize: 500,
    outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    outboxRetentionHours: config.OUTBOX_RETENTION_HOURS,
  };
}

/** TLS and the service's SASL login, from its validated configuration (a mechanism without credentials fails there). */
function kafkaSecurityFrom(config: BaseServiceConfig): KafkaSecuritySettings {
  const mechanism = config.KAFKA_SASL_MECHANISM as KafkaSaslMechanism;
  return {
    tls: config.KAFKA_TLS,
    ...(config.KAFKA_TLS_CA_FILE ? { tlsCaFile: config.KAFKA_TLS_CA_FILE } : {}),
    ...(mechanism === 'none'
      ? {}
      : { sasl: { mechanism, username: config.KAFKA_SASL_USERNAME, password: config.KAFKA_SASL_PASSWORD } }),
  };
}
