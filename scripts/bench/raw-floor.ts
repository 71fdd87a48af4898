/**
 * The raw floor without any Candor code: what one Postgres commit and one
 * Kafka produce→consume hop cost on this machine under the same concurrency
 * as the Candor phase (N workers in a closed loop, M operations each).
 */
import type { Consumer, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { benchKafka } from './infrastructure';
import { type PhaseResult, runClosedLoop, withTimeout } from './stats';

/** About the size of a chat message row's text. */
const PAYLOAD = 'Do you open on Saturdays? I would like to book a visit with someone from your team.';

export interface FloorOptions {
  workers: number;
  operationsPerWorker: number;
  durationSeconds: number;
  timeoutMs: number;
}

/**
 * N workers each INSERT one row at a time in autocommit (one statement = one
 * commit) through a pool of `poolSize` connections; latency includes waiting
 * for a free connection, as a service's request would.
 */
export async function measurePostgresCommits(
  databaseUrl: string,
  poolSize: number,
  options: FloorOptions,
): Promise<PhaseResult> {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: poolSize,
    connectionTimeoutMillis: options.timeoutMs,
    query_timeout: options.timeoutMs,
  });
  try {
    await pool.query(`CREATE TABLE raw_commits (
      id bigserial PRIMARY KEY,
      worker integer NOT NULL,
      sequence integer NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    const insert = (worker: number, sequence: number) =>
      pool.query('INSERT INTO raw_commits (worker, sequence, body) VALUES ($1, $2, $3)', [worker, sequence, PAYLOAD]);

    // Warm-up (not measured): open every pooled connection and prepare the plan.
    await Promise.all(Array.from({ length: poolSize * 3 }, (_, index) => insert(-1, index)));

    return await runClosedLoop({
      workers: options.workers,
      operationsPerWorker: options.operationsPerWorker,
      deadline: performance.now() + options.durationSeconds * 1000,
      operation: async (worker, index) => {
        await insert(worker, index);
      },
    });
  } finally {
    await pool.end();
  }
}

/**
 * N workers each produce one record at a time (acks=-1, keyed by worker, like
 * a conversation) and wait until a consumer in a group has received it.
 */
export async function measureKafkaHops(
  brokers: string[],
  namespace: string,
  partitions: number,
  options: FloorOptions,
): Promise<PhaseResult> {
  const kafka = benchKafka(brokers, `${namespace}-raw-floor`);
  const topic = `${namespace}.raw-floor`;
  const admin = kafka.admin();
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer: Consumer = kafka.consumer({ groupId: `${namespace}.raw-floor` });
  /** Waiters by record value (unique per operation). */
  const pending = new Map<string, () => void>();

  try {
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    void consumer
      .run({
        partitionsConsumedConcurrently: partitions,
        eachMessage: async ({ message }) => {
          const id = message.value?.toString() ?? '';
          pending.get(id)?.();
          pending.delete(id);
        },
      })
      .catch((error: unknown) => process.stderr.write(`[bench] raw Kafka consumer failed: ${String(error)}\n`));
    await withTimeout(joined, options.timeoutMs * 2, 'the raw-floor consumer to join its group');

    const hop = async (worker: number, index: number) => {
      const id = `${worker}:${index}`;
      const received = new Promise<void>((resolve) => pending.set(id, resolve));
      await producer.send({ topic, acks: -1, messages: [{ key: String(worker), value: id }] });
      await withTimeout(received, options.timeoutMs, `raw Kafka record ${id} to be consumed`).finally(() =>
        pending.delete(id),
      );
    };

    // Warm-up (not measured): metadata, leaders, the consumer's first fetches.
    await Promise.all(Array.from({ length: partitions * 5 }, (_, index) => hop(-1 - index, 0)));

    return await runClosedLoop({
      workers: options.workers,
      operationsPerWorker: options.operationsPerWorker,
      deadline: performance.now() + options.durationSeconds * 1000,
      operation: (worker, index) => hop(worker, index),
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
