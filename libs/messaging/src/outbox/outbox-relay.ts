import type { Producer } from 'kafkajs';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { topicName } from '@candor/contracts';
import { outboxChannel } from '../persistence/messaging-tables';
import { assertSqlIdentifier } from '../persistence/sql-identifier';
import { messagingMetrics } from '../messaging-metrics';

export interface OutboxRelayOptions {
  schema: string;
  namespace: string;
  batchSize: number;
  /** Safety-net poll; new rows are normally announced through LISTEN/NOTIFY at once. */
  pollIntervalMs: number;
  /** Published rows older than this are deleted (they are in Kafka by then). */
  retentionHours: number;
  onError(error: unknown): void;
}

interface RelayConnection {
  client: PoolClient;
  /** The pool's release: with an error, the pool destroys the connection instead of reusing it. */
  release(error?: Error): void;
  /** Holds the schema's session-level advisory lock: this instance publishes. */
  publisher: boolean;
  broken: boolean;
}

interface PendingRow {
  id: string;
  topic: string;
  message_key: string;
  envelope: { type: string; schemaVersion: number; tenantId: string };
}

/**
 * Publishes outbox rows to Kafka in commit order with an idempotent, acks=all
 * producer, then marks them published. A crash between publishing and marking
 * publishes the same event (same id) again; consumers' inboxes drop the copy.
 *
 * The relay works on one connection of its own, which LISTENs for new rows and
 * holds a session-level advisory lock while this instance is the publisher: only
 * one relay per schema publishes at a time (per-key order across instances), and
 * if the connection dies the lock goes with it, so another instance takes over.
 * Holding the lock for the session, not per transaction, costs two statements a
 * batch (read, mark) instead of five.
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly lockKey: number;
  private pollTimer: NodeJS.Timeout | undefined;
  private connection: RelayConnection | undefined;
  private draining: Promise<void> | undefined;
  private rerun = false;
  private stopped = true;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
  ) {
    const schema = assertSqlIdentifier(options.schema);
    this.table = `"${schema}"."outbox_events"`;
    this.lockKey = hashToInt32(`candor-outbox:${schema}`);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.producer.connect();
    await this.connect();
    this.pollTimer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.wake();
  }

  /** Stops polling, waits (boundedly) for the batch in flight, then disconnects. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    // An unmarked batch stays in the outbox and is published again: waiting longer gains nothing.
    await Promise.race([this.draining, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    const connection = this.connection;
    this.connection = undefined;
    if (connection && !connection.broken) {
      await connection.client.query('UNLISTEN *').catch(() => undefined);
      if (connection.publisher) {
        await connection.client.query('SELECT pg_advisory_unlock($1)', [this.lockKey]).catch(() => undefined);
      }
      connection.release();
    }
    await this.producer.disconnect();
  }

  /** Coalesces wake-ups: one drain at a time, and one more if woken meanwhile. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.rerun = true;
      return;
    }
    this.draining = this.drainAll()
      .catch((error) => this.options.onError(error))
      .finally(() => {
        this.draining = undefined;
        if (this.rerun && !this.stopped) {
          this.rerun = false;
          this.wake();
        }
      });
  }

  /** Publishes until the outbox is empty (exposed for tests and shutdown). */
  async drainAll(): Promise<void> {
    let published: number;
    do {
      published = await this.publishBatch();
    } while (published === this.options.batchSize && !this.stopped);
    await this.cleanUpPeriodically();
  }

  private async publishBatch(): Promise<number> {
    if (this.stopped) return 0;
    const connection = this.connection ?? (await this.connect());
    try {
      if (!connection.publisher) {
        const [{ locked }] = (
          await connection.client.query('SELECT pg_try_advisory_lock($1) AS locked', [this.lockKey])
        ).rows as { locked: boolean }[];
        // Another instance publishes; the poll asks again, so one takes over if that one goes.
        if (!locked) return 0;
        connection.publisher = true;
      }
      const { rows } = await connection.client.query<PendingRow>(
        `SELECT "id", "topic", "message_key", "envelope" FROM ${this.table}
         WHERE "published_at" IS NULL ORDER BY "position" LIMIT $1`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;
      await this.producer.sendBatch({ acks: -1, topicMessages: this.toTopicMessages(rows) });
      await connection.client.query(`UPDATE ${this.table} SET "published_at" = now() WHERE "id" = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
      ]);
      messagingMetrics.outboxPublished.inc({ schema: this.options.schema }, rows.length);
      return rows.length;
    } catch (error) {
      // A failed statement may mean a dead connection: start afresh rather than guess.
      if (isConnectionError(error)) this.dropConnection(connection, error);
      throw error;
    }
  }

  /** A connection of the relay's own, listening for new rows; it becomes the publisher's once it holds the lock. */
  private async connect(): Promise<RelayConnection> {
    const driver = this.dataSource.driver as PostgresDriver;
    const [client, release] = (await driver.obtainMasterConnection()) as [PoolClient, (error?: Error) => void];
    const connection: RelayConnection = { client, release, publisher: false, broken: false };
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.dropConnection(connection, error);
      this.options.onError(error);
    });
    try {
      await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
    } catch (error) {
      this.dropConnection(connection, error);
      throw error;
    }
    this.connection = connection;
    return connection;
  }

  /**
   * Gives a failed connection back to the pool to be destroyed: its lock and LISTEN die with it,
   * and the next wake-up (a notification cannot come, the poll will) opens a new one.
   */
  private dropConnection(connection: RelayConnection, cause: unknown): void {
    if (connection.broken) return;
    connection.broken = true;
    if (this.connection === connection) this.connection = undefined;
    connection.release(cause instanceof Error ? cause : new Error('outbox relay connection failed'));
  }

  private toTopicMessages(rows: PendingRow[]) {
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const row of rows) {
      const topic = topicName(row.topic, this.options.namespace);
      const messages = byTopic.get(topic) ?? [];
      messages.push({
        key: row.message_key,
        value: JSON.stringify(row.envelope),
        // Ids and types only: headers must never carry personal data.
        headers: {
          'event-id': row.id,
          'event-type': row.envelope.type,
          'schema-version': String(row.envelope.schemaVersion),
          'tenant-id': row.envelope.tenantId,
        },
      });
      byTopic.set(topic, messages);
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }

  private async cleanUpPeriodically(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    await this.dataSource.query(`DELETE FROM ${this.table} WHERE "published_at" < now() - make_interval(hours => $1)`, [
      this.options.retentionHours,
    ]);
  }
}

/** Errors of the connection itself (not of a statement): the session, and its lock, may be gone. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^(08|57P0)|^E[A-Z]+$/.test(code)) return true;
  return error instanceof Error && /Connection terminated|not queryable|Client was closed/i.test(error.message);
}

function hashToInt32(text: string): number {
  let hash = 0;
  for (const char of text) {
    hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  }
  return hash;
}
