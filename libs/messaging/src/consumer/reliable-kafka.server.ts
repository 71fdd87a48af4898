import { type KafkaOptions, ServerKafka } from '@nestjs/microservices';
import type { Admin, Consumer, EachMessagePayload, IHeaders } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import {
  EventValidationError,
  deadLetterTopic,
  findEventDefinition,
  topicName,
  validateEnvelope,
} from '@candor/contracts';
import type { EventEnvelope } from '@candor/contracts';
import { ensureTopics } from '../kafka/ensure-topics';
import { messagingMetrics } from '../messaging-metrics';
import type { Outbox } from '../outbox/outbox';
import { assertSqlIdentifier } from '../persistence/sql-identifier';
import { EventContext } from './event-context';
import { type RetryPolicy, backoffDelayMs } from './retry-policy';

export interface ReliableConsumerOptions {
  serviceName: string;
  schema: string;
  namespace: string;
  retry: RetryPolicy;
  /** Partitions handled in parallel (order is kept within each partition). */
  partitionsConsumedConcurrently: number;
  /** Partitions of a consumed topic that this service has to create because its producer has not yet. */
  topicPartitions: number;
}

type DeadLetterReason = 'undecodable' | 'invalid-contract' | 'wrong-topic' | 'no-handler' | 'handler-failed';

/**
 * The Nest Kafka transport, made reliable. Nest's own `ServerKafka` lets a
 * failing handler be retried forever by kafkajs, blocking its partition. Here
 * every message is decoded and validated against its contract, deduplicated
 * through the service's inbox in the same transaction as the handler's effect,
 * retried with backoff, and finally sent to the service's dead-letter topic so
 * the partition keeps flowing.
 */
export class ReliableKafkaServer extends ServerKafka {
  private readonly inboxTable: string;

  constructor(
    kafkaOptions: KafkaOptions['options'],
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly reliability: ReliableConsumerOptions,
  ) {
    super(kafkaOptions ?? {});
    this.inboxTable = `"${assertSqlIdentifier(reliability.schema)}"."processed_events"`;
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()].map((pattern) => topicName(pattern, this.reliability.namespace));
    if (topics.length > 0) {
      await this.createMissingTopics(topics);
      await consumer.subscribe({ topics, fromBeginning: true });
    }
    await consumer.run({
      partitionsConsumedConcurrently: this.reliability.partitionsConsumedConcurrently,
      eachMessage: (payload) => this.processMessage(payload),
    });
  }

  private async createMissingTopics(topics: string[]): Promise<void> {
    const admin = this.client!.admin() as unknown as Admin;
    await admin.connect();
    try {
      await ensureTopics(
        admin,
        topics.map((topic) => ({ topic, numPartitions: this.reliability.topicPartitions })),
      );
    } finally {
      await admin.disconnect();
    }
  }

  private async processMessage(message: EachMessagePayload): Promise<void> {
    const pattern = this.patternOf(message.topic);
    const stopTimer = messagingMetrics.handlingSeconds.startTimer({ topic: pattern });
    let envelope: EventEnvelope;
    try {
      envelope = validateEnvelope(JSON.parse(message.message.value?.toString('utf8') ?? ''));
    } catch (error) {
      const reason = error instanceof EventValidationError ? 'invalid-contract' : 'undecodable';
      return this.deadLetter(message, reason, describeError(error), 0);
    }
    if (findEventDefinition(envelope.type, envelope.schemaVersion)?.topic !== pattern) {
      return this.deadLetter(message, 'wrong-topic', `${envelope.type} does not travel on ${pattern}`, 0);
    }
    if (!this.getHandlerByPattern(pattern)) {
      return this.deadLetter(message, 'no-handler', pattern, 0);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.handleOnce(pattern, envelope, message);
        messagingMetrics.eventsConsumed.inc({ topic: pattern, outcome });
        stopTimer();
        return;
      } catch (error) {
        if (attempt >= this.reliability.retry.maxAttempts) {
          stopTimer();
          return this.deadLetter(message, 'handler-failed', describeError(error), attempt);
        }
        this.logger.warn(
          `Handling ${envelope.type} ${envelope.id} failed (attempt ${attempt}): ${describeError(error)}; retrying`,
        );
        await sleep(backoffDelayMs(this.reliability.retry, attempt));
        await message.heartbeat();
      }
    }
  }

  /** Runs the handler once in a transaction that also records the event in the inbox. */
  private async handleOnce(
    pattern: string,
    envelope: EventEnvelope,
    message: EachMessagePayload,
  ): Promise<'handled' | 'duplicate'> {
    let context: EventContext | undefined;
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO ${this.inboxTable} ("event_id", "event_type") VALUES ($1, $2)
         ON CONFLICT ("event_id") DO NOTHING RETURNING "event_id"`,
        [envelope.id, envelope.type],
      );
      if (inserted.length === 0) return;
      context = new EventContext(
        envelope,
        message.topic,
        message.partition,
        message.message.offset,
        manager,
        this.outbox,
      );
      const handler = this.getHandlerByPattern(pattern)!;
      const result = await handler(envelope, context);
      if (isObservable(result)) {
        await lastValueFrom(result, { defaultValue: undefined });
      }
    });
    if (!context) return 'duplicate';
    context.runAfterCommit((error) => this.logger.error(`After-commit action failed: ${describeError(error)}`));
    return 'handled';
  }

  private async deadLetter(
    message: EachMessagePayload,
    reason: DeadLetterReason,
    detail: string,
    attempts: number,
  ): Promise<void> {
    messagingMetrics.eventsConsumed.inc({ topic: this.patternOf(message.topic), outcome: 'dead-lettered' });
    this.logger.error(
      `Dead-lettering ${message.topic}[${message.partition}]@${message.message.offset}: ${reason} (${detail})`,
    );
    const headers: IHeaders = {
      ...message.message.headers,
      'dead-letter-reason': reason,
      'dead-letter-detail': detail.slice(0, 500),
      'dead-letter-attempts': String(attempts),
      'original-topic': message.topic,
      'original-partition': String(message.partition),
      'original-offset': message.message.offset,
      'dead-lettered-at': new Date().toISOString(),
    };
    // If this send fails, the error propagates: kafkajs does not commit the offset and redelivers.
    await this.producer!.send({
      topic: topicName(deadLetterTopic(this.reliability.serviceName), this.reliability.namespace),
      acks: -1,
      messages: [{ key: message.message.key, value: message.message.value, headers }],
    });
  }

  private patternOf(topic: string): string {
    const prefix = this.reliability.namespace ? `${this.reliability.namespace}.` : '';
    return prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  }
}

/**
 * An error's class and message, for logs and dead-letter headers. Validation
 * errors name schema paths only; other messages are ours, never data echoes.
 */
function describeError(error: unknown): string {
  if (error instanceof EventValidationError) {
    return `${error.message}: ${error.violations.map((v) => `${v.path} ${v.rule}`).join(', ')}`;
  }
  if (error instanceof SyntaxError) return 'value is not JSON';
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return 'unknown error';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
