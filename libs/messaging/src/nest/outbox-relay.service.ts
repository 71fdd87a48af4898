import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_CATALOGUE, deadLetterTopic } from '@candor/contracts';
import { RELIABLE_PRODUCER, createKafkaClient } from '../kafka/kafka-settings';
import { ensureTopics, topicSpec } from '../kafka/ensure-topics';
import { OutboxRelay } from '../outbox/outbox-relay';
import type { MessagingSettings } from './messaging-settings';
import { MESSAGING_SETTINGS } from './messaging.tokens';

/** Runs the outbox relay for the lifetime of the service, after its own topics exist. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    dataSource: DataSource,
  ) {
    const kafka = createKafkaClient(settings);
    this.relay = new OutboxRelay(dataSource, kafka.producer(RELIABLE_PRODUCER), {
      schema: settings.schema,
      namespace: settings.namespace,
      batchSize: settings.outboxBatchSize,
      pollIntervalMs: settings.outboxPollIntervalMs,
      retentionHours: settings.outboxRetentionHours,
      onError: (error) => this.logger.error(`Outbox relay: ${error instanceof Error ? error.message : 'failed'}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.createOwnTopics();
    await this.relay.start();
  }

  /**
   * Stops publishing before the database pool closes. Rows that consumers still
   * write during shutdown stay in the outbox and go out at the next start.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  private async createOwnTopics(): Promise<void> {
    const admin = createKafkaClient(this.settings).admin();
    await admin.connect();
    try {
      const owned = EVENT_CATALOGUE.filter((definition) => definition.owner === this.settings.serviceName);
      const { namespace, topicPartitions } = this.settings;
      await ensureTopics(admin, [
        ...owned.map((definition) => topicSpec(definition.topic, namespace, topicPartitions)),
        topicSpec(deadLetterTopic(this.settings.serviceName), namespace, topicPartitions),
      ]);
    } finally {
      await admin.disconnect();
    }
  }
}
