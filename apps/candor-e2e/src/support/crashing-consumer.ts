/**
 * A consumer process for the poison-record test: the real `ReliableKafkaServer` on the real broker and
 * Postgres, with one handler that kills its own process (SIGKILL: no cleanup, no offset commit) when a
 * tenant-created event names the tenant "poison", and records every other event it handles. Run as a child
 * process (see poison-record.integration-spec.ts); prints "ready" once consuming.
 *
 * Environment: HARNESS_DATABASE_URL, HARNESS_SCHEMA (with the messaging tables and a `handled` table),
 * HARNESS_SERVICE, HARNESS_NAMESPACE, HARNESS_MAX_CRASHES, KAFKA_BROKERS, and the Kafka login (KAFKA_TLS…,
 * KAFKA_SASL_…: the tests' admin, since the harness is no service the broker's ACLs know).
 */
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { type EventEnvelope, type TenantCreatedV1, deadLetterTopic, tenantCreatedV1 } from '@candor/contracts';
import {
  type EventContext,
  Outbox,
  RELIABLE_PRODUCER,
  ReliableKafkaServer,
  ensureTopics,
  kafkaConnectionOptions,
  kafkaSecurityFromEnvironment,
  topicSpec,
} from '@candor/messaging';

async function main(): Promise<void> {
  const env = process.env;
  const [HARNESS_SERVICE, HARNESS_SCHEMA] = [env.HARNESS_SERVICE!, env.HARNESS_SCHEMA!];
  const brokers = env.KAFKA_BROKERS!.split(',');
  const namespace = env.HARNESS_NAMESPACE!;
  const dataSource = await new DataSource({ type: 'postgres', url: env.HARNESS_DATABASE_URL }).initialize();
  const login = kafkaConnectionOptions(kafkaSecurityFromEnvironment(env));

  const admin = new Kafka({ brokers, clientId: `${HARNESS_SERVICE}-admin`, ...login }).admin();
  await admin.connect();
  await ensureTopics(admin, [topicSpec(deadLetterTopic(HARNESS_SERVICE), namespace, 1)]);
  await admin.disconnect();

  const server = new ReliableKafkaServer(
    {
      client: { clientId: `${HARNESS_SERVICE}-consumer`, brokers, ...login },
      consumer: { groupId: `${namespace}.${HARNESS_SERVICE}`, sessionTimeout: 6_000, heartbeatInterval: 1_000 },
      producer: RELIABLE_PRODUCER,
      postfixId: '',
    },
    dataSource,
    new Outbox(HARNESS_SCHEMA, HARNESS_SERVICE),
    {
      serviceName: HARNESS_SERVICE,
      schema: HARNESS_SCHEMA,
      namespace,
      retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 100 },
      partitionsConsumedConcurrently: 1,
      topicPartitions: 1,
      maxCrashes: Number(env.HARNESS_MAX_CRASHES ?? 2),
      handlerTimeoutMs: 5_000,
    },
  );
  server.addHandler(
    tenantCreatedV1.topic,
    async (envelope: EventEnvelope<TenantCreatedV1>, context: EventContext) => {
      if (envelope.payload.name === 'poison') process.kill(process.pid, 'SIGKILL');
      await context.manager.query(`INSERT INTO "${HARNESS_SCHEMA}"."handled" ("event_id", "name") VALUES ($1, $2)`, [
        envelope.id,
        envelope.payload.name,
      ]);
    },
    true,
  );
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  await new Promise<void>((resolve, reject) => {
    server.listen((error?: unknown) => (error ? reject(error) : resolve())).catch(reject);
  });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`crashing-consumer failed: ${String(error)}\n`);
  process.exit(1);
});
