import { type KafkaOptions, type MessageHandler, ServerKafka } from '@nestjs/microservices';
import type { Admin, Consumer, EachBatchPayload, IHeaders, KafkaMessage, TopicPartitionOffset } from 'kafkajs';
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
import { scopeToTenant } from '@candor/tenant-isolation';
import { ensureTopics, topicSpec } from '../kafka/ensure-topics';
import { messagingMetrics } from '../messaging-metrics';
import type { Outbox } from '../outbox/outbox';
import { assertSqlIdentifier } from '../persistence/sql-identifier';
import { DeliveryTracker } from './delivery-tracker';
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
  /** Starts of a record that never finished (the process died or hung) before it is dead-lettered unhandled. */
  maxCrashes: number;
  /** A handler still running after this long has failed (and is retried, then dead-lettered). */
  handlerTimeoutMs: number;
}

/**
 * `@EventPattern(topic, { handlesEvent })`: a pure, synchronous test of the envelope telling which
 * events the handler acts on. The others are acknowledged without touching the database, so a
 * service pays nothing for the many events on a topic it does not care about.
 */
export interface HandlerExtras {
  handlesEvent?: (envelope: EventEnvelope) => boolean;
}

/** `@EventPattern(topic, handlesOnly<Payload>((event) => …))`: the events of a topic the handler acts on. */
export function handlesOnly<TPayload>(predicate: (envelope: EventEnvelope<TPayload>) => boolean): HandlerExtras {
  return { handlesEvent: (envelope) => predicate(envelope as EventEnvelope<TPayload>) };
}

type ConsumeOutcome = 'handled' | 'duplicate' | 'ignored';

type DeadLetterReason =
  | 'undecodable'
  | 'invalid-contract'
  | 'wrong-topic'
  | 'foreign-producer'
  | 'no-handler'
  | 'handler-failed'
  | 'consumer-crashed';

/**
 * Offsets are committed to Kafka at most this often (and when the consumer closes), not after every
 * fetched batch as kafkajs' auto-commit does: one broker round trip less before each fetch. What a
 * crash leaves uncommitted is redelivered and dropped by the inbox: a little replay, nothing lost.
 */
const OFFSET_COMMIT_INTERVAL_MS = 1_000;

/** Bounds how long one transaction (and its row locks) can grow under load. */
const MAX_EVENTS_PER_TRANSACTION = 100;

/** A decoded, contract-valid event with where it came from. */
interface InboundEvent {
  pattern: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
  envelope: EventEnvelope;
  /** Access control state (see `EventDefinition.neverSkip`): never dead-lettered, retried until it applies. */
  neverSkip: boolean;
}

/**
 * The Nest Kafka transport, made reliable. Nest's own `ServerKafka` lets a
 * failing handler be retried forever by kafkajs, blocking its partition. Here
 * every record is decoded and validated against its contract (or
 * dead-lettered at once), deduplicated through the service's inbox in the same
 * transaction as the handler's effect, retried with backoff, and finally sent
 * to the service's dead-letter topic so the partition keeps flowing. Records of
 * one fetched batch share a transaction while they succeed, which keeps the
 * number of commits low under load without giving up any of the above.
 */
export class ReliableKafkaServer extends ServerKafka {
  private readonly inboxTable: string;
  /** Next offset to commit per "topic:partition", resolved since the last commit. */
  private readonly uncommitted = new Map<string, TopicPartitionOffset>();
  private lastCommitAt = Date.now();
  /** Commits what a quiet consumer handled last, so its lag reads zero without waiting for traffic. */
  private commitTimer: NodeJS.Timeout | undefined;
  private readonly deliveries: DeliveryTracker;

  constructor(
    kafkaOptions: KafkaOptions['options'],
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly reliability: ReliableConsumerOptions,
  ) {
    super(kafkaOptions ?? {});
    this.inboxTable = `"${assertSqlIdentifier(reliability.schema)}"."processed_events"`;
    this.deliveries = new DeliveryTracker(dataSource, reliability.schema, reliability.maxCrashes);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const patterns = [...this.messageHandlers.keys()];
    if (patterns.length > 0) {
      await this.createMissingTopics(patterns);
      const topics = patterns.map((pattern) => topicName(pattern, this.reliability.namespace));
      await consumer.subscribe({ topics, fromBeginning: true });
    }
    this.commitTimer = setInterval(() => void this.commitPeriodically(), OFFSET_COMMIT_INTERVAL_MS);
    this.commitTimer.unref();
    // After a rebalance this instance may own other partitions: their markers are read afresh.
    consumer.on(consumer.events.GROUP_JOIN, () => this.deliveries.forgetAll());
    await consumer.run({
      partitionsConsumedConcurrently: this.reliability.partitionsConsumedConcurrently,
      eachBatchAutoResolve: false,
      autoCommit: false,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  /** Commits what was handled before leaving the group, so a clean restart replays nothing. */
  override async close(): Promise<void> {
    clearInterval(this.commitTimer);
    if (this.consumer) {
      await this.consumer.stop();
      await this.commitResolved().catch((error: unknown) =>
        this.logger.warn(`Committing offsets on close failed (${describeError(error)}); they will be replayed`),
      );
    }
    await super.close();
  }

  private resolve(payload: EachBatchPayload, offset: string): void {
    payload.resolveOffset(offset);
    const { topic, partition } = payload.batch;
    this.uncommitted.set(`${topic}:${partition}`, { topic, partition, offset: (BigInt(offset) + 1n).toString() });
  }

  private async commitResolved(): Promise<void> {
    if (this.uncommitted.size === 0 || !this.consumer) return;
    const offsets = [...this.uncommitted.entries()];
    this.uncommitted.clear();
    this.lastCommitAt = Date.now();
    try {
      await this.consumer.commitOffsets(offsets.map(([, offset]) => offset));
    } catch (error) {
      // Kept for the next attempt unless handling has moved on meanwhile (a rebalance, say).
      for (const [key, offset] of offsets) if (!this.uncommitted.has(key)) this.uncommitted.set(key, offset);
      throw error;
    }
  }

  /** A failed commit only delays the commit: the events are handled, the inbox covers a replay. */
  private async commitPeriodically(): Promise<void> {
    if (Date.now() - this.lastCommitAt < OFFSET_COMMIT_INTERVAL_MS) return;
    await this.commitResolved().catch((error: unknown) =>
      this.logger.warn(`Committing offsets failed (${describeError(error)}); retrying with the next batch`),
    );
  }

  private async createMissingTopics(patterns: string[]): Promise<void> {
    const admin = this.client!.admin() as unknown as Admin;
    await admin.connect();
    try {
      await ensureTopics(
        admin,
        patterns.map((pattern) => topicSpec(pattern, this.reliability.namespace, this.reliability.topicPartitions)),
      );
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Handles a fetched batch of one partition in order. Valid events are
   * handled together in one transaction (one commit for many events); if that
   * transaction fails, each event is handled on its own, with retries, so one
   * bad event cannot hold back or roll back the others.
   */
  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const pattern = this.patternOf(batch.topic);
    let pending: InboundEvent[] = [];
    // False when the consumer is stopping with events unhandled: nothing after them may be resolved.
    const flush = async (): Promise<boolean> => {
      const settled = pending.length === 0 || (await this.handleMarkedGroup(pending, payload));
      pending = [];
      return settled;
    };
    for (const message of batch.messages) {
      if (!payload.isRunning() || payload.isStale()) break;
      const decoded = this.decode(pattern, batch.topic, batch.partition, message);
      if ('reason' in decoded) {
        if (!(await flush())) return;
        await this.deadLetter(batch.topic, batch.partition, message, decoded.reason, decoded.detail, 0);
        this.resolve(payload, message.offset);
        continue;
      }
      const verdict = await this.deliveries.verdict(batch.topic, batch.partition, message.offset);
      if (verdict.kind === 'normal') {
        pending.push(decoded);
        if (pending.length >= MAX_EVENTS_PER_TRANSACTION && !(await flush())) return;
        continue;
      }
      // Where a crash left records unfinished, they go one at a time, each marked, so the culprit is found.
      if (!(await flush())) return;
      if (verdict.kind === 'crashed' && !decoded.neverSkip) {
        const detail = `started ${verdict.starts} times without finishing (the consumer died or hung)`;
        await this.deadLetter(batch.topic, batch.partition, message, 'consumer-crashed', detail, verdict.starts);
      } else {
        if (verdict.kind === 'suspect') {
          const { lastOffset, previousStarts } = verdict;
          await this.deliveries.begin(batch.topic, batch.partition, message.offset, lastOffset, previousStarts + 1);
        }
        if (!(await this.handleGroup([decoded], payload))) return;
      }
      this.deliveries.settled(batch.topic, batch.partition, message.offset);
      this.resolve(payload, message.offset);
    }
    await flush();
    await this.commitPeriodically();
  }

  /** Marks the group as started (unless no handler acts on any of it), then handles it. */
  private async handleMarkedGroup(events: InboundEvent[], payload: EachBatchPayload): Promise<boolean> {
    const first = events[0];
    const last = events[events.length - 1];
    if (events.some((event) => this.isWanted(event))) {
      await this.deliveries.begin(first.topic, first.partition, first.message.offset, last.message.offset, 1);
    }
    const settled = await this.handleGroup(events, payload);
    if (settled) this.deliveries.settled(last.topic, last.partition, last.message.offset);
    return settled;
  }

  private decode(
    pattern: string,
    topic: string,
    partition: number,
    message: KafkaMessage,
  ): InboundEvent | { reason: DeadLetterReason; detail: string } {
    let envelope: EventEnvelope;
    try {
      envelope = validateEnvelope(JSON.parse(message.value?.toString('utf8') ?? ''));
    } catch (error) {
      const reason = error instanceof EventValidationError ? 'invalid-contract' : 'undecodable';
      return { reason, detail: describeError(error) };
    }
    const definition = findEventDefinition(envelope.type, envelope.schemaVersion);
    if (definition?.topic !== pattern) {
      return { reason: 'wrong-topic', detail: `${envelope.type} does not travel on ${pattern}` };
    }
    // Only the owning service publishes a topic's events: one that claims another producer is forged or misrouted.
    if (envelope.producer !== definition.owner) {
      return { reason: 'foreign-producer', detail: `${envelope.type} is published by ${definition.owner} only` };
    }
    if (!this.getHandlerByPattern(pattern)) {
      return { reason: 'no-handler', detail: pattern };
    }
    return { pattern, topic, partition, message, envelope, neverSkip: definition.neverSkip === true };
  }

  /** Handles events in order; false if the consumer stopped before all were settled. */
  private async handleGroup(events: InboundEvent[], payload: EachBatchPayload): Promise<boolean> {
    const stopTimer = messagingMetrics.handlingSeconds.startTimer({ topic: events[0].pattern });
    try {
      const outcomes = await this.handleInOneTransaction(events);
      outcomes.forEach((outcome, index) => {
        messagingMetrics.eventsConsumed.inc({ topic: events[index].pattern, outcome });
        this.resolve(payload, events[index].message.offset);
      });
    } catch (error) {
      if (events.length > 1) {
        this.logger.warn(`A batch of ${events.length} events failed together (${describeError(error)}); one by one`);
      }
      for (const event of events) {
        const settled = await this.handleWithRetries(event, payload, events.length > 1 ? 0 : 1, error);
        // Shutting down mid-retry: leave this and later offsets uncommitted, to be redelivered.
        if (!settled) return false;
        this.resolve(payload, event.message.offset);
        await payload.heartbeat();
      }
    } finally {
      stopTimer();
    }
    await payload.heartbeat();
    return true;
  }

  /**
   * Retries one event with backoff, then dead-letters it; `failedAttempts`
   * counts attempts already made. False when the consumer stops meanwhile.
   */
  private async handleWithRetries(
    event: InboundEvent,
    payload: EachBatchPayload,
    failedAttempts: number,
    lastError: unknown,
  ): Promise<boolean> {
    for (let attempt = failedAttempts + 1; ; attempt++) {
      if (attempt > 1) {
        if (!payload.isRunning()) return false;
        this.logger.warn(
          `Handling ${event.envelope.type} ${event.envelope.id} failed (attempt ${attempt - 1}): ` +
            `${describeError(lastError)}; retrying`,
        );
        await sleep(backoffDelayMs(this.reliability.retry, attempt - 1));
        await payload.heartbeat();
      }
      try {
        const [outcome] = await this.handleInOneTransaction([event]);
        messagingMetrics.eventsConsumed.inc({ topic: event.pattern, outcome });
        return true;
      } catch (error) {
        lastError = error;
        if (isTransientInfrastructureError(error) || event.neverSkip) {
          // The database (or broker) is away, not the event at fault, or the event may not be skipped: wait,
          // without using up attempts.
          if (event.neverSkip && !isTransientInfrastructureError(error)) {
            this.logger.error(`${event.envelope.type} ${event.envelope.id} cannot be applied; it blocks its partition`);
          }
          attempt = Math.min(attempt, this.reliability.retry.maxAttempts - 1);
          continue;
        }
        if (attempt >= this.reliability.retry.maxAttempts) {
          await this.deadLetter(
            event.topic,
            event.partition,
            event.message,
            'handler-failed',
            describeError(error),
            attempt,
          );
          return true;
        }
      }
    }
  }

  /**
   * Runs the handlers of these events in order in one transaction, each after
   * recording its event in the inbox (an event already there is skipped) and
   * scoping the transaction to its tenant. The
   * after-commit actions run only once everything committed. Events that every
   * handler declares it ignores (see `handlesEvent`) cost no inbox row, and a
   * group of only such events no transaction at all.
   */
  private async handleInOneTransaction(events: InboundEvent[]): Promise<ConsumeOutcome[]> {
    const wanted = events.map((event) => this.isWanted(event));
    if (!wanted.includes(true)) return events.map(() => 'ignored');
    const contexts: (EventContext | undefined)[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (const [index, event] of events.entries()) {
        if (!wanted[index]) {
          contexts.push(undefined);
          continue;
        }
        const inserted: unknown[] = await manager.query(
          `INSERT INTO ${this.inboxTable} ("event_id", "event_type") VALUES ($1, $2)
           ON CONFLICT ("event_id") DO NOTHING RETURNING "event_id"`,
          [event.envelope.id, event.envelope.type],
        );
        if (inserted.length === 0) {
          contexts.push(undefined);
          continue;
        }
        // Row-level security: the handlers of an event see and write only its tenant's rows.
        await scopeToTenant(manager, event.envelope.tenantId);
        const context = new EventContext(
          event.envelope,
          event.topic,
          event.partition,
          event.message.offset,
          manager,
          this.outbox,
        );
        for (const handler of this.handlersOf(event.pattern)) {
          await withTimeout(this.run(handler, event.envelope, context), this.reliability.handlerTimeoutMs);
        }
        contexts.push(context);
      }
    });
    return contexts.map((context, index) => {
      context?.runAfterCommit((error) => this.logger.error(`After-commit action failed: ${describeError(error)}`));
      if (!wanted[index]) return 'ignored';
      return context ? 'handled' : 'duplicate';
    });
  }

  private async run(handler: MessageHandler, envelope: EventEnvelope, context: EventContext): Promise<void> {
    const result = await handler(envelope, context);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }

  /** Several handlers of one service may listen to the same event: Nest chains them through `next`. */
  private handlersOf(pattern: string): MessageHandler[] {
    const handlers: MessageHandler[] = [];
    for (let handler = this.getHandlerByPattern(pattern); handler; handler = handler.next as MessageHandler) {
      handlers.push(handler);
    }
    return handlers;
  }

  private isWanted(event: InboundEvent): boolean {
    return this.handlersOf(event.pattern).some((handler) => {
      const handles = (handler.extras as HandlerExtras | undefined)?.handlesEvent;
      return handles ? handles(event.envelope) : true;
    });
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: DeadLetterReason,
    detail: string,
    attempts: number,
  ): Promise<void> {
    messagingMetrics.eventsConsumed.inc({ topic: this.patternOf(topic), outcome: 'dead-lettered' });
    this.logger.error(`Dead-lettering ${topic}[${partition}]@${message.offset}: ${reason} (${detail})`);
    const headers: IHeaders = {
      ...message.headers,
      'dead-letter-reason': reason,
      'dead-letter-detail': detail.slice(0, 500),
      'dead-letter-attempts': String(attempts),
      'original-topic': topic,
      'original-partition': String(partition),
      'original-offset': message.offset,
      'dead-lettered-at': new Date().toISOString(),
    };
    // If this send fails, the error propagates: kafkajs does not commit the offset and redelivers.
    await this.producer!.send({
      topic: topicName(deadLetterTopic(this.reliability.serviceName), this.reliability.namespace),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
  }

  private patternOf(topic: string): string {
    const prefix = this.reliability.namespace ? `${this.reliability.namespace}.` : '';
    return prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  }
}

/** SQLSTATE classes and socket errors that say "try again later", not "this event is bad". */
const TRANSIENT_SQLSTATE = /^(08|53|57P0|40001|40P01)/;
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

function isTransientInfrastructureError(error: unknown): boolean {
  const code = errorCode(error);
  if (code && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_SOCKET_CODES.has(code))) return true;
  return error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(error.message);
}

function errorCode(error: unknown): string | undefined {
  const candidate = (error as { driverError?: { code?: unknown }; code?: unknown } | null) ?? undefined;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * An error's class and message, for logs and dead-letter headers. Validation
 * errors name schema paths only; database errors give their SQLSTATE only
 * (their messages can quote the values that failed).
 */
function describeError(error: unknown): string {
  if (error instanceof EventValidationError) {
    return `${error.message}: ${error.violations.map((v) => `${v.path} ${v.rule}`).join(', ')}`;
  }
  const code = errorCode(error);
  if (code) return `${error instanceof Error ? error.name : 'Error'} (code ${code})`;
  if (error instanceof SyntaxError) return 'value is not JSON';
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return 'unknown error';
}

/**
 * Fails a handler that has not settled in time, so its transaction rolls back and the event is retried, then
 * dead-lettered. A handler stuck in synchronous code cannot be interrupted: the process stops heartbeating,
 * the partition moves on to another start, and the delivery marker counts it as a crash.
 */
export class HandlerTimeoutError extends Error {
  constructor(ms: number) {
    super(`the handler did not finish within ${ms} ms`);
    this.name = 'HandlerTimeoutError';
  }
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HandlerTimeoutError(ms)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
