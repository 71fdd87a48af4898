import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReliableKafkaServer } from '../consumer/reliable-kafka.server';
import { kafkaLogCreator } from '../kafka/kafka-logging';
import { kafkaConnectionOptions } from '../kafka/kafka-security';
import { RELIABLE_PRODUCER, consumerGroupId } from '../kafka/kafka-settings';
import { Outbox } from '../outbox/outbox';
import type { MessagingSettings } from './messaging-settings';

/**
 * Builds the Kafka transport for `app.connectMicroservice({ strategy })`.
 * Consumer group = service; Nest's own `-server` suffix is turned off.
 */
export function createReliableKafkaServer(app: INestApplication, settings: MessagingSettings): ReliableKafkaServer {
  return new ReliableKafkaServer(
    {
      client: {
        clientId: `candor-${settings.serviceName}-consumer`,
        brokers: settings.brokers,
        retry: { initialRetryTime: 200, retries: 8 },
        // Nest's own creator logs every broker answer kafkajs reports as an error, rebalances included.
        logCreator: kafkaLogCreator('KafkaConsumer'),
        ...kafkaConnectionOptions(settings.security),
      },
      consumer: {
        groupId: consumerGroupId(settings),
        allowAutoTopicCreation: false,
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
      },
      producer: RELIABLE_PRODUCER,
      postfixId: '',
    },
    app.get(DataSource),
    app.get(Outbox),
    {
      serviceName: settings.serviceName,
      schema: settings.schema,
      namespace: settings.namespace,
      retry: settings.retry,
      partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
      topicPartitions: settings.topicPartitions,
      maxCrashes: settings.maxCrashes,
      handlerTimeoutMs: settings.handlerTimeoutMs,
    },
  );
}
