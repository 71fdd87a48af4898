import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { type TenantCreatedV1, deadLetterTopic, tenantCreatedV1, topicName } from '@candor/contracts';
import { createConsumerDeliveriesTable, createMessagingTables } from '@candor/messaging';
import { RawKafka, TestDatabase, kafkaEnvironmentOf, testInfrastructure, uniqueName, waitFor } from '@candor/testing';

const SERVICE = 'crash-harness';
const SCHEMA = 'crash_harness';
const ROOT = resolve(__dirname, '../../..');

/**
 * A record that kills its consumer (SIGKILL in the middle of handling: no rollback in the process, no offset
 * commit) must not be delivered forever. The consumer is a real process with the real transport; the count of
 * unfinished starts lives in Postgres, so it survives the crashes.
 */
describe('a record that crashes its consumer ends in the dead-letter topic', () => {
  let database: TestDatabase;
  let owner: DataSource;
  let kafka: RawKafka;
  const namespace = uniqueName('poison');
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    database = await TestDatabase.create();
    owner = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
    const runner = owner.createQueryRunner();
    await runner.query(`CREATE SCHEMA "${SCHEMA}"`);
    await createMessagingTables(runner, SCHEMA);
    await createConsumerDeliveriesTable(runner, SCHEMA);
    await runner.query(`CREATE TABLE "${SCHEMA}"."handled" ("event_id" uuid PRIMARY KEY, "name" text NOT NULL)`);
    await runner.release();
    kafka = await new RawKafka().connect();
  });

  afterAll(async () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await kafka?.deleteTopicsWithPrefix(`${namespace}.`);
    await kafka?.disconnect();
    await owner?.destroy();
    await database?.drop();
  });

  /** Starts the consumer process; resolves once it consumes. */
  function startConsumer(): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/candor-e2e/src/support/crashing-consumer.ts',
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          KAFKA_BROKERS: testInfrastructure().kafkaBrokers,
          // The harness is no service the broker's ACLs know: it logs in as the tests' admin.
          ...kafkaEnvironmentOf('admin'),
          HARNESS_DATABASE_URL: database.ownerUrl,
          HARNESS_SCHEMA: SCHEMA,
          HARNESS_SERVICE: SERVICE,
          HARNESS_NAMESPACE: namespace,
          HARNESS_MAX_CRASHES: '2',
          KAFKAJS_NO_PARTITIONER_WARNING: '1',
        },
      },
    );
    running.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
    return new Promise((resolvePromise, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolvePromise(child);
      });
      child.once('exit', (code, signal) => reject(new Error(`consumer exited early (${code ?? signal}): ${stderr}`)));
    });
  }

  function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
    return new Promise((resolvePromise) => {
      if (child.exitCode !== null || child.signalCode !== null) resolvePromise(child.signalCode ?? child.exitCode);
      else child.once('exit', (code, signal) => resolvePromise(signal ?? code));
    });
  }

  function tenantCreated(name: string) {
    const tenantId = randomUUID();
    const payload: TenantCreatedV1 = { tenantId, name, createdAt: new Date().toISOString() };
    const envelope = {
      id: randomUUID(),
      type: tenantCreatedV1.type,
      schemaVersion: tenantCreatedV1.schemaVersion,
      tenantId,
      subjectId: null,
      occurredAt: payload.createdAt,
      correlationId: randomUUID(),
      causationId: null,
      producer: tenantCreatedV1.owner,
      payload,
    };
    // One key for all: one partition, so the poison sits between the two others.
    return { key: 'one-partition', value: JSON.stringify(envelope), id: envelope.id };
  }

  const handledNames = async () =>
    (await owner.query(`SELECT "name" FROM "${SCHEMA}"."handled" ORDER BY "name"`)).map(
      (row: { name: string }) => row.name,
    );

  it('is dead-lettered on the start after it killed the consumer twice, and the next record is handled', async () => {
    const first = await startConsumer();
    const records = [tenantCreated('before'), tenantCreated('poison'), tenantCreated('after')];
    await kafka.produce(topicName(tenantCreatedV1.topic, namespace), records);

    expect(await exited(first)).toBe('SIGKILL');
    expect(await exited(await startConsumer())).toBe('SIGKILL');

    const third = await startConsumer();
    await waitFor(async () => ((await handledNames()).includes('after') ? true : undefined), {
      what: 'the record after the poison handled',
      timeoutMs: 90_000,
    });
    expect(await handledNames()).toEqual(['after', 'before']);
    const deadLetters = await kafka.readAll(topicName(deadLetterTopic(SERVICE), namespace));
    expect(deadLetters).toHaveLength(1);
    expect(JSON.parse(deadLetters[0].value!.toString()).id).toBe(records[1].id);
    expect(deadLetters[0].headers?.['dead-letter-reason']?.toString()).toBe('consumer-crashed');
    expect(deadLetters[0].headers?.['dead-letter-attempts']?.toString()).toBe('2');
    // Still running: the poison did not take the third start down.
    expect(third.exitCode).toBeNull();
    third.kill('SIGTERM');
    await exited(third);
    // Three starts, each waiting for the group to drop the killed member (its session timeout): slow on a busy box.
  }, 180_000);
});
