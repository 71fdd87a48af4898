import { randomUUID } from 'node:crypto';
import { issueApiKey } from '@candor/auth';
import { KeyDestroyedError, type KeyManagementService } from '@candor/crypto';
import { KEY_MANAGEMENT } from '@candor/platform';
import { apiKeyIssuedV1, apiKeyRevokedV1 } from '@candor/contracts';
import { RawKafka, waitFor } from '@candor/testing';
import { CandorStack, ORIGIN, type ServiceName } from './support/candor-stack';
import { createTenant, startConversation, transcript } from './support/fixtures';

describe('tenancy and access: tenants, API keys on every service, visitor tokens', () => {
  let stack: CandorStack;
  const replicas: ServiceName[] = ['bot-engine', 'handoff', 'consent-ledger', 'dsr'];

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', ...replicas]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates tenants only with the operator bootstrap key, answering 401 in JSON otherwise', async () => {
    const conversation = stack.service('conversation');
    const body = { name: 'Nope', allowedOrigins: [ORIGIN] };
    const missing = await conversation.request('POST', '/v1/tenants', { body });
    const wrong = await conversation.request('POST', '/v1/tenants', { body, token: 'not-the-bootstrap-key' });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'invalid_credentials' });
    const [{ count }] = await stack.database.query<{ count: string }>('SELECT count(*) FROM conversation.tenants');
    expect(count).toBe('0');
  });

  it('issues keys whose hash alone is stored, accepted by every service, and revocation reaches them all', async () => {
    const conversation = stack.service('conversation');
    const tenant = await createTenant(conversation, stack.bootstrapKey);
    const created = await conversation.request<{ apiKey: string; keyId: string; role: string }>(
      'POST',
      '/v1/api-keys',
      { token: tenant.adminKey, body: { role: 'integrator', label: 'CRM sync' } },
    );
    expect(created.status).toBe(201);
    expect(created.body.role).toBe('integrator');

    const stored = await stack.database.query<{ secret_hash: string }>(
      'SELECT secret_hash FROM conversation.api_keys WHERE key_id = $1',
      [created.body.keyId],
    );
    expect(stored[0].secret_hash).toMatch(/^[a-f0-9]{64}$/);
    expect(created.body.apiKey).not.toContain(stored[0].secret_hash);

    for (const name of ['conversation', ...replicas] as ServiceName[]) {
      const principal = await waitFor(
        async () => {
          const response = await stack
            .service(name)
            .request('GET', '/v1/auth/principal', { token: created.body.apiKey });
          return response.status === 200 ? response.body : undefined;
        },
        { what: `${name} to accept the key` },
      );
      expect(principal).toEqual({
        kind: 'api-key',
        tenantId: tenant.tenantId,
        role: 'integrator',
        keyId: created.body.keyId,
      });
    }

    const revoked = await conversation.request('DELETE', `/v1/api-keys/${created.body.keyId}`, {
      token: tenant.adminKey,
    });
    expect(revoked.status).toBe(204);
    for (const name of ['conversation', ...replicas] as ServiceName[]) {
      const rejection = await waitFor(
        async () => {
          const response = await stack
            .service(name)
            .request('GET', '/v1/auth/principal', { token: created.body.apiKey });
          return response.status === 401 ? response.body : undefined;
        },
        { what: `${name} to reject the revoked key` },
      );
      expect(rejection).toMatchObject({ code: 'invalid_credentials' });
    }
  });

  it('keeps a key revoked on a replica even when the revocation arrives before the issue', async () => {
    const tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey);
    const key = issueApiKey();
    const state = {
      keyId: key.keyId,
      tenantId: tenant.tenantId,
      role: 'admin' as const,
      secretHash: key.secretHash,
      label: null,
      createdAt: new Date().toISOString(),
    };
    const envelope = (type: string, payload: object) => ({
      id: randomUUID(),
      type,
      schemaVersion: 1,
      tenantId: tenant.tenantId,
      subjectId: null,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      producer: 'conversation',
      payload,
    });
    const revoked = envelope(apiKeyRevokedV1.type, { ...state, revokedAt: new Date().toISOString() });
    const issued = envelope(apiKeyIssuedV1.type, state);
    const kafka = await new RawKafka().connect();
    try {
      await kafka.produce(stack.topic(apiKeyRevokedV1.topic), [
        { key: tenant.tenantId, value: JSON.stringify(revoked) },
      ]);
      await waitFor(
        async () =>
          (await stack.database.query('SELECT 1 FROM handoff.processed_events WHERE event_id = $1', [revoked.id]))
            .length > 0,
        { what: 'the revocation to be handled' },
      );
      await kafka.produce(stack.topic(apiKeyIssuedV1.topic), [{ key: tenant.tenantId, value: JSON.stringify(issued) }]);
      await waitFor(
        async () =>
          (await stack.database.query('SELECT 1 FROM handoff.processed_events WHERE event_id = $1', [issued.id]))
            .length > 0,
        { what: 'the late issue to be handled' },
      );
    } finally {
      await kafka.disconnect();
    }
    const [row] = await stack.database.query<{ revoked_at: Date | null }>(
      'SELECT revoked_at FROM handoff.api_keys WHERE key_id = $1',
      [key.keyId],
    );
    expect(row.revoked_at).not.toBeNull();
    const response = await stack.service('handoff').request('GET', '/v1/auth/principal', { token: key.plaintext });
    expect(response.status).toBe(401);
  });

  it('off-boards a tenant: its key destroyed, its data unreadable and gone, its keys refused everywhere', async () => {
    const conversation = stack.service('conversation');
    const leaving = await createTenant(conversation, stack.bootstrapKey, 'Leaving Ltd');
    const staying = await createTenant(conversation, stack.bootstrapKey, 'Staying Ltd');
    const leavingChat = await startConversation(conversation, leaving.siteKey);
    const stayingChat = await startConversation(conversation, staying.siteKey);
    await waitFor(
      async () =>
        (await stack.service('handoff').request('GET', '/v1/auth/principal', { token: leaving.adminKey })).status ===
        200,
      { what: 'the key to reach handoff' },
    );
    const kms = conversation.app.get<KeyManagementService>(KEY_MANAGEMENT);
    const wrapped = (await kms.getSubjectKey(leaving.tenantId, leavingChat.visitorId))!;

    const denied = await conversation.request('DELETE', `/v1/tenants/${leaving.tenantId}`, { token: leaving.adminKey });
    expect(denied.status).toBe(401);
    const offboarded = await conversation.request('DELETE', `/v1/tenants/${leaving.tenantId}`, {
      token: stack.bootstrapKey,
    });
    expect(offboarded.status).toBe(204);

    await expect(kms.unwrapDataKey(leaving.tenantId, wrapped)).rejects.toBeInstanceOf(KeyDestroyedError);
    const gone = await conversation.request('GET', `/v1/conversations/${leavingChat.conversationId}/messages`, {
      token: leavingChat.visitorToken,
    });
    expect(gone.status).toBe(404);
    const [{ count }] = await stack.database.query<{ count: string }>(
      'SELECT count(*) FROM conversation.messages WHERE tenant_id = $1',
      [leaving.tenantId],
    );
    expect(count).toBe('0');
    for (const name of ['conversation', ...replicas] as ServiceName[]) {
      await waitFor(
        async () =>
          (await stack.service(name).request('GET', '/v1/auth/principal', { token: leaving.adminKey })).status === 401,
        { what: `${name} to refuse the off-boarded tenant's key` },
      );
    }
    expect((await transcript(conversation, stayingChat)).length).toBeGreaterThan(0);
    const again = await conversation.request('DELETE', `/v1/tenants/${leaving.tenantId}`, {
      token: stack.bootstrapKey,
    });
    expect(again.status).toBe(404);
  });

  it('enforces roles with 403 and never lets a key revoke itself', async () => {
    const conversation = stack.service('conversation');
    const tenant = await createTenant(conversation, stack.bootstrapKey);
    const agent = await conversation.request<{ apiKey: string }>('POST', '/v1/api-keys', {
      token: tenant.adminKey,
      body: { role: 'agent' },
    });
    const attempt = await conversation.request('POST', '/v1/api-keys', {
      token: agent.body.apiKey,
      body: { role: 'admin' },
    });
    expect(attempt.status).toBe(403);
    expect(attempt.body).toMatchObject({ code: 'forbidden' });

    const keys = await conversation.request<{ keyId: string; role: string }[]>('GET', '/v1/api-keys', {
      token: tenant.adminKey,
    });
    const adminKeyId = keys.body.find((key) => key.role === 'admin')!.keyId;
    const selfRevoke = await conversation.request('DELETE', `/v1/api-keys/${adminKeyId}`, { token: tenant.adminKey });
    expect(selfRevoke.status).toBe(409);
  });

  it("hides one tenant's conversations from another tenant's keys (404)", async () => {
    const conversation = stack.service('conversation');
    const alpha = await createTenant(conversation, stack.bootstrapKey, 'Alpha');
    const beta = await createTenant(conversation, stack.bootstrapKey, 'Beta');
    const alphaConversation = await startConversation(conversation, alpha.siteKey);

    const own = await conversation.request('GET', `/v1/conversations/${alphaConversation.conversationId}/messages`, {
      token: alpha.adminKey,
    });
    expect(own.status).toBe(200);
    for (const path of ['', '/messages']) {
      const foreign = await conversation.request(
        'GET',
        `/v1/conversations/${alphaConversation.conversationId}${path}`,
        {
          token: beta.adminKey,
        },
      );
      expect(foreign.status).toBe(404);
      expect(foreign.body).toMatchObject({ code: 'not_found' });
    }
  });

  it('scopes a visitor token to its one conversation', async () => {
    const conversation = stack.service('conversation');
    const tenant = await createTenant(conversation, stack.bootstrapKey);
    const first = await startConversation(conversation, tenant.siteKey);
    const second = await startConversation(conversation, tenant.siteKey);

    const read = await conversation.request('GET', `/v1/conversations/${second.conversationId}/messages`, {
      token: first.visitorToken,
    });
    const write = await conversation.request('POST', `/v1/conversations/${second.conversationId}/messages`, {
      token: first.visitorToken,
      body: { text: 'let me in' },
    });
    expect(read.status).toBe(404);
    expect(write.status).toBe(404);
    const [{ count }] = await stack.database.query<{ count: string }>(
      "SELECT count(*) FROM conversation.messages WHERE conversation_id = $1 AND sender_kind = 'visitor'",
      [second.conversationId],
    );
    expect(count).toBe('0');

    const forged = `${first.visitorToken.slice(0, -2)}xx`;
    const forgedRead = await conversation.request('GET', `/v1/conversations/${first.conversationId}`, {
      token: forged,
    });
    expect(forgedRead.status).toBe(401);

    const adminOnly = await conversation.request('GET', '/v1/api-keys', { token: first.visitorToken });
    expect(adminOnly.status).toBe(403);
  });

  it('lets a site key start conversations only from allowed origins', async () => {
    const conversation = stack.service('conversation');
    const tenant = await createTenant(conversation, stack.bootstrapKey);
    const foreignOrigin = await conversation.request('POST', '/v1/conversations', {
      body: { siteKey: tenant.siteKey },
      headers: { origin: 'https://evil.example' },
    });
    const noOrigin = await conversation.request('POST', '/v1/conversations', { body: { siteKey: tenant.siteKey } });
    const unknownKey = await conversation.request('POST', '/v1/conversations', {
      body: { siteKey: 'pk_AAAAAAAAAAAAAAAAAAAAAAAA' },
      headers: { origin: ORIGIN },
    });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.body).toMatchObject({ code: 'origin_not_allowed' });
    expect(noOrigin.status).toBe(403);
    expect(unknownKey.status).toBe(401);
    expect(unknownKey.body).toMatchObject({ code: 'invalid_site_key' });
  });

  it('serves health, OpenAPI and Prometheus metrics on every service, and fails readiness while draining', async () => {
    for (const name of ['conversation', ...replicas] as ServiceName[]) {
      const service = stack.service(name);
      const ready = await service.request<{ info: Record<string, { status: string }> }>('GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info.postgres.status).toBe('up');
      expect(ready.body.info.kafka.status).toBe('up');
      // Anyone may ask: only up or down, nothing of how the dependencies are reached.
      expect(ready.body.info.keys).toEqual({ status: 'up' });
      expect((await service.request('GET', '/health/live')).status).toBe(200);
      const docs = await service.request<{ openapi: string; paths: Record<string, unknown> }>('GET', '/docs-json');
      expect(docs.status).toBe(200);
      expect(docs.body.openapi).toMatch(/^3\./);
      expect(Object.keys(docs.body.paths)).toContain('/v1/auth/principal');
      expect(Object.keys(docs.body.paths).some((path) => path.startsWith('/health'))).toBe(false);
      const metrics = await service.request<string>('GET', '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain('process_resident_memory_bytes');
    }
    const dsr = stack.service('dsr');
    dsr.startDraining();
    const draining = await dsr.request<{ error: { service: { status: string } } }>('GET', '/health/ready');
    expect(draining.status).toBe(503);
    expect(draining.body.error.service.status).toBe('draining');
  });
});
