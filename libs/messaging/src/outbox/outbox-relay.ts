import type { Producer } from 'kafkajs';
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
 * Only one relay per schema publishes at a time (advisory lock), which keeps
 * per-key order across several service instances.
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly lockKey: number;
  private pollTimer: NodeJS.Timeout | undefined;
  private listener: { release(): void; client: import('pg').PoolClient } | undefined;
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
    const driver = this.dataSource.driver as PostgresDriver;
    const [client, release] = (await driver.obtainMasterConnection()) as [import('pg').PoolClient, () => void];
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.options.onError(error));
    await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
    this.listener = { client, release };
    this.pollTimer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.wake();
  }

  /** Stops polling, waits (boundedly) for the batch in flight, then disconnects. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    // An unpublished batch rolls back and stays in the outbox: waiting longer gains nothing.
    await Promise.race([this.draining, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    if (this.listener) {
      await this.listener.client.query('UNLISTEN *').catch(() => undefined);
      this.listener.release();
      this.listener = undefined;
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
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [this.lockKey]);
      if (!locked) return 0;
      const rows: PendingRow[] = await manager.query(
        `SELECT "id", "topic", "message_key", "envelope" FROM ${this.table}
         WHERE "published_at" IS NULL ORDER BY "position" LIMIT $1`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;
      await this.producer.sendBatch({ acks: -1, topicMessages: this.toTopicMessages(rows) });
      await manager.query(`UPDATE ${this.table} SET "published_at" = now() WHERE "id" = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
      ]);
      messagingMetrics.outboxPublished.inc({ schema: this.options.schema }, rows.length);
      return rows.length;
    });
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

function hashToInt32(text: string): number {
  let hash = 0;
  for (const char of text) {
    hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  }
  return hash;
}
