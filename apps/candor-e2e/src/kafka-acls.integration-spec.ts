import { randomUUID } from 'node:crypto';
import { Kafka, type KafkaConfig, logLevel } from 'kafkajs';
import { issueApiKey } from '@candor/auth';
import {
  type ApiKeyIssuedV2,
  apiKeyIssuedV2,
  consentDecidedV1,
  deadLetterTopic,
  handoffQueuedV1,
} from '@candor/contracts';
import { consumerGroupId } from '@candor/messaging';
import { RawKafka, kafkaConnectionOf, kafkaRequiresLogin, testInfrastructure, waitFor } from '@candor/testing';
import { CandorStack } from './support/candor-stack';

/**
 * Kafka does not trust strangers: every client logs in over TLS as a principal, and the broker's ACLs (derived from
 * the event catalogue, libs/messaging kafka-acls) let a service write only the topics it owns and read only those it
 * consumes. Against the real broker of scripts/infra.sh (or your own, with its credentials in the CANDOR_KAFKA_*
 * variables), with the real handoff service replicating API keys from the tenancy topic.
 */
describe('Kafka authentication and ACLs', () => {
  let stack: CandorStack;
  let kafka: RawKafka;
  const opened: { disconnect(): Promise<void> }[] = [];

  beforeAll(async () => {
    if (!kafkaRequiresLogin()) {
      throw new Error(
        'These tests need a broker that asks for a login and enforces ACLs: the local one ' +
          '(`bash scripts/infra.sh up && eval "$(bash scripts/infra.sh env)"`), or your own with KAFKA_SASL_MECHANISM ' +
          'and the CANDOR_KAFKA_ADMIN_* / CANDOR_KAFKA_PASSWORD_<SERVICE> credentials set',
      );
    }
    stack = await CandorStack.start(['handoff']);
    kafka = await new RawKafka().connect();
  });

  afterAll(async () => {
    for (const client of opened) await client.disconnect().catch(() => undefined);
    await kafka?.disconnect();
    await stack?.stop();
  });

  /** A client of the real broker, logged in as `principal` (a service's name, or `admin`) unless told otherwise. */
  function clientAs(principal: string, overrides: Partial<KafkaConfig> = {}): Kafka {
    return new Kafka({
      clientId: `candor-acl-test-${principal}`,
      brokers: testInfrastructure().kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
      connectionTimeout: 5_000,
      requestTimeout: 10_000,
      retry: { retries: 0 },
      ...kafkaConnectionOf(principal),
      ...overrides,
    });
  }

  /**
   * A producer as `principal`. Refusals are never retried (authorisation errors are final); `retrying` also rides
   * out what a fresh topic can answer at first (no leader yet), for sends that must succeed.
   */
  async function producerAs(principal: string, retrying = false) {
    const producer = clientAs(principal, retrying ? { retry: { retries: 8 } } : {}).producer({
      allowAutoTopicCreation: false,
    });
    opened.push(producer);
    await producer.connect();
    return producer;
  }

  /** What the broker answered, through kafkajs' wrapping errors (e.g. `KafkaJSProtocolError TOPIC_AUTHORIZATION_FAILED`). */
  async function refusal(work: Promise<unknown>): Promise<string> {
    try {
      await work;
    } catch (error) {
      const chain: string[] = [];
      const walk = (cause: Record<string, unknown> | undefined, depth: number) => {
        if (!cause || depth > 5) return;
        chain.push(`${String(cause.name)} ${String(cause.type ?? '')} ${String(cause.message)}`);
        walk((cause.cause ?? cause.originalError) as Record<string, unknown> | undefined, depth + 1);
        for (const inner of (cause.errors as Record<string, unknown>[] | undefined) ?? []) walk(inner, depth + 1);
      };
      walk(error as Record<string, unknown>, 0);
      return chain.join(' <- ');
    }
    throw new Error('the broker accepted what it should have refused');
  }

  /** A well-formed key-issued event, as only the conversation service may publish it. */
  function keyIssued(tenantId: string) {
    const key = issueApiKey();
    const payload: ApiKeyIssuedV2 = {
      keyId: key.keyId,
      tenantId,
      role: 'admin',
      secretHash: key.secretHash,
      label: null,
      createdAt: new Date().toISOString(),
      expiresAt: null,
    };
    const envelope = {
      id: randomUUID(),
      type: apiKeyIssuedV2.type,
      schemaVersion: apiKeyIssuedV2.schemaVersion,
      tenantId,
      subjectId: null,
      occurredAt: payload.createdAt,
      correlationId: randomUUID(),
      causationId: null,
      producer: apiKeyIssuedV2.owner,
      payload,
    };
    return { apiKey: key.plaintext, id: envelope.id, record: { key: tenantId, value: JSON.stringify(envelope) } };
  }

  const principalStatus = async (apiKey: string) =>
    (await stack.service('handoff').request('GET', '/v1/auth/principal', { token: apiKey })).status;

  it('refuses a key-issued event from the bot engine’s principal at the broker: nothing arrives, no key is made', async () => {
    const topic = stack.topic(apiKeyIssuedV2.topic);
    const tenantId = randomUUID();

    // The owner's principal may publish it: the handoff service replicates the key, which then works there.
    const genuine = keyIssued(tenantId);
    await (await producerAs('conversation', true)).send({ topic, acks: -1, messages: [genuine.record] });
    await waitFor(async () => (await principalStatus(genuine.apiKey)) === 200, { what: 'the genuine key on handoff' });

    // The same event, forged with the bot engine's credentials, is refused by the broker itself.
    const forged = keyIssued(tenantId);
    const botEngine = await producerAs('bot-engine');
    expect(await refusal(botEngine.send({ topic, acks: -1, messages: [forged.record] }))).toMatch(
      /TOPIC_AUTHORIZATION_FAILED/,
    );

    const records = await kafka.readAll(topic);
    expect(records.map((record) => JSON.parse(record.value?.toString() ?? 'null')?.id)).toEqual([genuine.id]);
    expect(await principalStatus(forged.apiKey)).toBe(401);
    const keys = await stack.database.query('SELECT key_id FROM handoff.api_keys WHERE tenant_id = $1', [tenantId]);
    expect(keys).toHaveLength(1);
  });

  it('lets the bot engine create and write a topic it owns, and nothing it does not consume or another’s group', async () => {
    // bot.public.consent.decided.v1 is the bot engine's (and consumed by the ledger, not running here).
    const owned = stack.topic(consentDecidedV1.topic);
    const admin = clientAs('bot-engine').admin();
    opened.push(admin);
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: owned, numPartitions: 1 }], waitForLeaders: true });
    await (
      await producerAs('bot-engine', true)
    ).send({ topic: owned, acks: -1, messages: [{ key: 'k', value: 'owned' }] });
    expect((await kafka.readAll(owned)).map((record) => record.value?.toString())).toEqual(['owned']);

    // Another service's dead letters and a topic it does not consume (hand-off's queue events): neither.
    const handoffDeadLetters = stack.topic(deadLetterTopic('handoff'));
    expect(
      await refusal((await producerAs('bot-engine')).send({ topic: handoffDeadLetters, messages: [{ value: 'x' }] })),
    ).toMatch(/TOPIC_AUTHORIZATION_FAILED/);
    const queued = stack.topic(handoffQueuedV1.topic);
    expect(await refusal(admin.fetchTopicOffsets(queued))).toMatch(/TOPIC_AUTHORIZATION_FAILED/);
    expect(await refusal(admin.createTopics({ topics: [{ topic: queued }] }))).toMatch(/TOPIC_AUTHORIZATION_FAILED/);

    // Its own group, on a topic it consumes, works; the handoff service's group does not.
    const keysTopic = stack.topic(apiKeyIssuedV2.topic);
    const groupOf = (serviceName: string) => consumerGroupId({ namespace: stack.namespace, serviceName });
    const own = clientAs('bot-engine').consumer({ groupId: groupOf('bot-engine') });
    opened.push(own);
    const joined = new Promise<void>((resolve) => own.on(own.events.GROUP_JOIN, () => resolve()));
    await own.connect();
    await own.subscribe({ topics: [keysTopic], fromBeginning: true });
    await own.run({ eachMessage: async () => undefined });
    await joined;
    await admin.fetchOffsets({ groupId: groupOf('bot-engine'), topics: [keysTopic] });
    // kafkajs reports a refused group lookup as "coordinator not found"; its debug log keeps the broker's answer.
    const answers: string[] = [];
    const spy = clientAs('bot-engine', {
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => {
        const error = entry.log.error as { type?: string } | string | undefined;
        if (error) answers.push(typeof error === 'string' ? error : String(error.type));
      },
    }).admin();
    opened.push(spy);
    await spy.connect();
    await spy.listTopics();
    expect(await refusal(spy.fetchOffsets({ groupId: groupOf('handoff'), topics: [keysTopic] }))).toMatch(
      /coordinator/,
    );
    expect(answers).toContain('GROUP_AUTHORIZATION_FAILED');
  });

  it('refuses a wrong password, a PLAIN login, a client without TLS or without a login, or not trusting the CA', async () => {
    const connect = async (client: Kafka) => {
      const admin = client.admin();
      opened.push(admin);
      await admin.connect();
      await admin.listTopics();
    };
    const botEngine = kafkaConnectionOf('bot-engine');
    const sasl = botEngine.sasl as { mechanism: 'scram-sha-512'; username: string; password: string };

    const wrongPassword = await refusal(
      connect(clientAs('bot-engine', { sasl: { ...sasl, password: `${sasl.password}x` } })),
    );
    expect(wrongPassword).toMatch(/invalid credentials/);
    // Only SCRAM: a PLAIN login (the password itself on the wire) is refused even with the right password.
    const plain = { mechanism: 'plain' as const, username: sasl.username, password: sasl.password };
    expect(await refusal(connect(clientAs('bot-engine', { sasl: plain })))).toMatch(/UNSUPPORTED_SASL_MECHANISM/);
    // No TLS (and so no login), TLS without a login: the broker closes the connection.
    expect(await refusal(connect(clientAs('bot-engine', { ssl: false, sasl: undefined })))).toMatch(
      /Closed connection/,
    );
    expect(await refusal(connect(clientAs('bot-engine', { sasl: undefined })))).toMatch(/Closed connection/);
    // The system's CAs do not know the local one: the client refuses the broker.
    expect(await refusal(connect(clientAs('bot-engine', { ssl: true })))).toMatch(/self-signed certificate/);

    // The same client with the right settings gets in: the refusals are the broker's, not the test's.
    await connect(clientAs('bot-engine'));
  });
});
