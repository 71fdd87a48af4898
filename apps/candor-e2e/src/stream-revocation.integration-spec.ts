import { waitFor } from '@candor/testing';
import { CandorStack } from './support/candor-stack';
import { type ConversationFixture, type TenantFixture, createTenant, startConversation } from './support/fixtures';
import { StreamClient } from './support/stream-client';

const RECHECK_MS = 300;

/** Sockets are not a way around revocation: credentials and conversations are checked again while they stay open. */
describe('WebSockets end when their credential or conversation does', () => {
  let stack: CandorStack;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation'], { STREAM_RECHECK_INTERVAL_MS: String(RECHECK_MS) });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const conversation = () => stack.service('conversation');

  async function agentKey(tenant: TenantFixture): Promise<{ apiKey: string; keyId: string }> {
    const issued = await conversation().request<{ apiKey: string; keyId: string }>('POST', '/v1/api-keys', {
      token: tenant.adminKey,
      body: { role: 'agent', label: 'agent' },
    });
    expect(issued.status).toBe(201);
    return { apiKey: issued.body.apiKey, keyId: issued.body.keyId };
  }

  async function subscribed(token: string, chat?: ConversationFixture): Promise<StreamClient> {
    const client = await StreamClient.connect(conversation().url, token, chat?.conversationId);
    expect(client.subscribed).toBe(true);
    return client;
  }

  const closedWith = (client: StreamClient) =>
    waitFor(() => client.closed ?? undefined, {
      what: 'the server closing the socket',
      timeoutMs: 10 * RECHECK_MS + 5_000,
    });

  it('closes an agent socket once its API key is revoked', async () => {
    const tenant = await createTenant(conversation(), stack.bootstrapKey);
    const chat = await startConversation(conversation(), tenant.siteKey);
    const agent = await agentKey(tenant);
    const client = await subscribed(agent.apiKey, chat);

    const revoked = await conversation().request('DELETE', `/v1/api-keys/${agent.keyId}`, { token: tenant.adminKey });
    expect(revoked.status).toBe(204);
    expect(await closedWith(client)).toEqual({ code: 4401, reason: 'credentials revoked' });
  });

  it('ends the visitor and agent sockets of a conversation when it closes', async () => {
    const tenant = await createTenant(conversation(), stack.bootstrapKey);
    const chat = await startConversation(conversation(), tenant.siteKey);
    const agent = await agentKey(tenant);
    const visitorSocket = await subscribed(chat.visitorToken);
    const agentSocket = await subscribed(agent.apiKey, chat);

    const closed = await conversation().request('POST', `/v1/conversations/${chat.conversationId}/close`, {
      token: chat.visitorToken,
    });
    expect(closed.status).toBe(200);
    expect(await closedWith(visitorSocket)).toEqual({ code: 4410, reason: 'conversation closed' });
    expect(await closedWith(agentSocket)).toEqual({ code: 4410, reason: 'conversation closed' });
  });

  it('closes every socket of a tenant that is off-boarded', async () => {
    const tenant = await createTenant(conversation(), stack.bootstrapKey);
    const chat = await startConversation(conversation(), tenant.siteKey);
    const agent = await agentKey(tenant);
    const visitorSocket = await subscribed(chat.visitorToken);
    const agentSocket = await subscribed(agent.apiKey, chat);

    const offboarded = await conversation().request('DELETE', `/v1/tenants/${tenant.tenantId}`, {
      token: stack.bootstrapKey,
    });
    expect(offboarded.status).toBe(204);
    // The key and the conversation are gone with the tenant: whichever check comes first closes each socket.
    expect([4401, 4410]).toContain((await closedWith(agentSocket)).code);
    expect((await closedWith(visitorSocket)).code).toBe(4410);
  });
});
