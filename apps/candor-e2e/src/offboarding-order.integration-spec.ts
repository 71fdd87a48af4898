import { randomUUID } from 'node:crypto';
import { issueApiKey } from '@candor/auth';
import { type EventDefinition, apiKeyIssuedV1, apiKeyRevokedV1, tenantOffboardedV1 } from '@candor/contracts';
import { RawKafka, waitFor } from '@candor/testing';
import { CandorStack } from './support/candor-stack';

/**
 * A tenant's key events and its off-boarding travel on different topics, so a service may see them in any
 * order. The events are planted straight on the broker (as the conversation service would publish them) to
 * force the worst order: the key issued *after* the off-boarding arrived.
 */
describe('off-boarding wins over key events that arrive after it', () => {
  let stack: CandorStack;
  let kafka: RawKafka;

  beforeAll(async () => {
    stack = await CandorStack.start(['handoff']);
    kafka = await new RawKafka().connect();
  });

  afterAll(async () => {
    await kafka?.disconnect();
    await stack?.stop();
  });

  /** Plants an event as `producer` would publish it (the topic's owner unless said otherwise). */
  async function publish<T>(
    definition: EventDefinition<T>,
    tenantId: string,
    payload: T,
    producer: string = definition.owner,
  ): Promise<string> {
    const id = randomUUID();
    const envelope = {
      id,
      type: definition.type,
      schemaVersion: definition.schemaVersion,
      tenantId,
      subjectId: null,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      producer,
      payload,
    };
    await kafka.produce(stack.topic(definition.topic), [{ key: tenantId, value: JSON.stringify(envelope) }]);
    return id;
  }

  const handled = (eventId: string) =>
    waitFor(
      async () =>
        (await stack.database.query('SELECT 1 FROM handoff.processed_events WHERE event_id = $1', [eventId])).length >
          0 || undefined,
      { what: 'the event handled by the handoff service' },
    );

  const principal = (apiKey: string) =>
    stack.service('handoff').request('GET', '/v1/auth/principal', { token: apiKey });

  it('does not let a key issued before the off-boarding come back when its event arrives late', async () => {
    const tenantId = randomUUID();
    const now = new Date().toISOString();
    const early = issueApiKey();
    const earlyKey = {
      keyId: early.keyId,
      tenantId,
      role: 'admin' as const,
      secretHash: early.secretHash,
      label: null,
    };
    await handled(await publish(apiKeyIssuedV1, tenantId, { ...earlyKey, createdAt: now }));
    expect((await principal(early.plaintext)).status).toBe(200);

    await handled(await publish(tenantOffboardedV1, tenantId, { tenantId, offboardedAt: new Date().toISOString() }));
    expect((await principal(early.plaintext)).status).toBe(401);

    // Late arrivals: a key's issue (as if it had been delayed on its topic) and a revocation of another key.
    const late = issueApiKey();
    const lateKey = { keyId: late.keyId, tenantId, role: 'admin' as const, secretHash: late.secretHash, label: null };
    await handled(await publish(apiKeyIssuedV1, tenantId, { ...lateKey, createdAt: now }));
    await handled(await publish(apiKeyRevokedV1, tenantId, { ...earlyKey, createdAt: now, revokedAt: now }));
    expect((await principal(late.plaintext)).status).toBe(401);
    expect((await principal(early.plaintext)).status).toBe(401);
    const rows = await stack.database.query('SELECT key_id FROM handoff.api_keys WHERE tenant_id = $1', [tenantId]);
    expect(rows).toEqual([]);
  });

  it('refuses a key event that claims another producer than the topic owner (a forgery)', async () => {
    const tenantId = randomUUID();
    const forged = issueApiKey();
    const key = { keyId: forged.keyId, tenantId, role: 'admin' as const, secretHash: forged.secretHash, label: null };
    const id = await publish(apiKeyIssuedV1, tenantId, { ...key, createdAt: new Date().toISOString() }, 'bot-engine');
    const deadLetter = await waitFor(
      async () =>
        (await kafka.readAll(stack.topic('candor.dead-letter.handoff.v1'))).find(
          (record) => JSON.parse(record.value!.toString()).id === id,
        ),
      { what: 'the forged event in the dead-letter topic' },
    );
    expect(deadLetter.headers?.['dead-letter-reason']?.toString()).toBe('foreign-producer');
    expect((await principal(forged.plaintext)).status).toBe(401);
  });
});
