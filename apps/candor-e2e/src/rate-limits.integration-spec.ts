import type { ServiceDefinition } from '@candor/platform';
import { RunningService, waitFor } from '@candor/testing';
import { CandorStack, ORIGIN, SERVICES } from './support/candor-stack';
import { type TenantFixture, createTenant, startConversation } from './support/fixtures';

const LIMITS = {
  RATE_LIMIT_CONVERSATIONS_PER_ADDRESS_PER_MINUTE: '3',
  RATE_LIMIT_CONVERSATIONS_PER_SITE_PER_MINUTE: '5',
  RATE_LIMIT_MESSAGES_PER_CONVERSATION_PER_MINUTE: '3',
  RATE_LIMIT_API_KEY_PER_MINUTE: '6',
  // Requests come from 127.0.0.1; X-Forwarded-For stands for the visitors' own addresses behind an ingress.
  HTTP_TRUSTED_PROXIES: '1',
};

/** Limits count per minute window: start a burst well inside one, so it is not split across two. */
async function awayFromWindowEdge(): Promise<void> {
  const intoWindow = Date.now() % 60_000;
  if (intoWindow > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 100));
}

describe('rate limits: 429 with Retry-After, counted across instances, nothing done for a refused call', () => {
  let stack: CandorStack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'handoff'], LIMITS);
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const start = (address: string) =>
    stack.service('conversation').request<{ code: string }>('POST', '/v1/conversations', {
      body: { siteKey: tenant.siteKey, locale: 'en' },
      headers: { origin: ORIGIN, 'x-forwarded-for': address },
    });

  const conversationCount = async () =>
    Number(
      (
        await stack.database.query<{ count: string }>(
          'SELECT count(*) FROM conversation.conversations WHERE tenant_id = $1',
          [tenant.tenantId],
        )
      )[0].count,
    );

  function expectLimited(response: { status: number; body: unknown; headers: Headers }) {
    expect([response.status, (response.body as { code: string }).code]).toEqual([429, 'rate_limited']);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  }

  it('limits conversation starts per client address, then per site, and starts nothing when refused', async () => {
    await awayFromWindowEdge();
    const before = await conversationCount();
    const fromOne = [];
    for (let i = 0; i < 4; i++) fromOne.push(await start('203.0.113.7'));
    expect(fromOne.map((response) => response.status)).toEqual([201, 201, 201, 429]);
    expectLimited(fromOne[3]);
    // Other addresses may still start, until the site's own limit (5 a minute) is reached.
    expect((await start('198.51.100.1')).status).toBe(201);
    expect((await start('198.51.100.2')).status).toBe(201);
    expectLimited(await start('198.51.100.3'));
    expect(await conversationCount()).toBe(before + 5);
    // The address is personal data: no counter names it.
    const buckets = await stack.database.query<{ bucket: string }>(
      'SELECT bucket FROM conversation.rate_limit_windows',
    );
    expect(buckets.filter((row) => row.bucket.includes('203.0.113.7'))).toEqual([]);
  });

  it('limits visitor messages per conversation', async () => {
    await awayFromWindowEdge();
    const other = await createTenant(stack.service('conversation'), stack.bootstrapKey, 'Other Shop');
    const chat = await startConversation(stack.service('conversation'), other.siteKey);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const posted = await stack
        .service('conversation')
        .request('POST', `/v1/conversations/${chat.conversationId}/messages`, {
          token: chat.visitorToken,
          body: { text: `message ${i}` },
        });
      statuses.push(posted.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    const [{ count }] = await stack.database.query<{ count: string }>(
      `SELECT count(*) FROM conversation.messages WHERE conversation_id = $1 AND sender_kind = 'visitor'`,
      [chat.conversationId],
    );
    expect(Number(count)).toBe(3);
  });

  it('counts an API key against one limit across two instances of a service', async () => {
    const second = await RunningService.start(SERVICES.handoff as ServiceDefinition<never>, {
      ...stack.environmentFor('handoff'),
      ...LIMITS,
    });
    try {
      const instances = [stack.service('handoff'), second];
      // The admin key reaches the handoff service by event.
      await waitFor(
        async () =>
          (await second.request('GET', '/v1/auth/principal', { token: tenant.adminKey })).status !== 401 || undefined,
        { what: 'the admin key at the handoff service' },
      );
      await awayFromWindowEdge();
      const statuses = [];
      for (let i = 0; i < 8; i++) {
        const response = await instances[i % 2].request('GET', '/v1/auth/principal', { token: tenant.adminKey });
        statuses.push(response.status);
        if (response.status === 429) expectLimited(response);
      }
      // Six a minute in all, whichever instance answers (the first call above may have counted already).
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(6);
      expect(statuses.slice(-2)).toEqual([429, 429]);
    } finally {
      await second.stop();
    }
  });
});
