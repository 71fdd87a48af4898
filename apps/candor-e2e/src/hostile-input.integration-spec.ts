import { Socket } from 'node:net';
import { hostileTexts, waitFor } from '@candor/testing';
import { CandorStack, ORIGIN, SERVICES, type ServiceName } from './support/candor-stack';
import {
  type ConversationFixture,
  type MessageBody,
  type TenantFixture,
  botReplies,
  createTenant,
  startConversation,
  transcript,
} from './support/fixtures';

const NAMES = Object.keys(SERVICES) as ServiceName[];
const REQUEST_TIMEOUT_MS = 2_000;

/** A POST or PUT route of each service, with the admin's credential (or none), to aim hostile bodies at. */
const TARGETS: Record<ServiceName, { method: string; path: string; authenticated: boolean }[]> = {
  conversation: [
    { method: 'POST', path: '/v1/conversations', authenticated: false },
    { method: 'PUT', path: '/v1/guard-policy', authenticated: true },
  ],
  'bot-engine': [
    { method: 'PUT', path: '/v1/bot', authenticated: true },
    { method: 'POST', path: '/v1/playbooks/hostile/versions', authenticated: true },
  ],
  handoff: [{ method: 'PUT', path: '/v1/agents/me/availability', authenticated: true }],
  'consent-ledger': [{ method: 'POST', path: '/v1/consents', authenticated: true }],
  dsr: [{ method: 'POST', path: '/v1/data-requests', authenticated: false }],
};

/**
 * An attacker with nothing but the public site key, or an admin key, against every service at once: whatever
 * arrives, each service answers 4xx in JSON, changes nothing, and is still up afterwards. The visitor's chat
 * survives the texts that used to stop the bot.
 */
describe('hostile input against all five services: 4xx, nothing changed, every service still up', () => {
  let stack: CandorStack;
  let tenant: TenantFixture;
  let visitor: ConversationFixture;

  beforeAll(async () => {
    stack = await CandorStack.start(NAMES, { HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey);
    visitor = await startConversation(stack.service('conversation'), tenant.siteKey);
    await waitFor(
      async () =>
        (await transcript(stack.service('conversation'), visitor)).some((m) => m.senderKind === 'bot') || undefined,
      { what: 'the bot greeting' },
    );
    // Every service must know the admin key (it travels by event) before its refusals can be told apart.
    for (const name of NAMES) {
      await waitFor(
        async () =>
          (await stack.service(name).request('GET', '/v1/auth/principal', { token: tenant.adminKey })).status === 200 ||
          undefined,
        { what: `the admin key at ${name}` },
      );
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Row counts of every table of every service schema, in one statement (one snapshot). */
  async function snapshot(): Promise<Record<string, number>> {
    const tables = await stack.database.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_schema IN ('conversation', 'bot_engine', 'handoff', 'consent_ledger', 'dsr')
         AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'consumer_deliveries', 'rate_limit_windows')`,
    );
    const counts = await stack.database.query<{ name: string; count: string }>(
      tables
        .map(({ schema, name }) => `SELECT '${schema}.${name}' AS name, count(*) FROM "${schema}"."${name}"`)
        .join(' UNION ALL '),
    );
    return Object.fromEntries(counts.map(({ name, count }) => [name, Number(count)]));
  }

  async function expectAllAlive(): Promise<void> {
    for (const name of NAMES) {
      const live = await stack.service(name).request('GET', '/health/live');
      expect([name, live.status]).toEqual([name, 200]);
    }
  }

  /** Bytes on a raw socket: what a client that lies about its body sends. Resolves with the status line, if any. */
  function rawExchange(name: ServiceName, head: string, body: string, options: { end: boolean }): Promise<string> {
    const { hostname, port } = new URL(stack.service(name).url);
    return new Promise((resolve) => {
      const socket = new Socket();
      let received = '';
      const finish = () => resolve(received.split('\r\n')[0] ?? '');
      socket.setTimeout(REQUEST_TIMEOUT_MS * 5, () => socket.destroy());
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('close', finish);
      socket.on('error', finish);
      socket.connect(Number(port), hostname, () => {
        socket.write(head + body);
        if (options.end) socket.end();
      });
    });
  }

  const bodies: [string, string][] = [
    ['10 KB of nested arrays', '['.repeat(5_000) + ']'.repeat(5_000)],
    ['100,000 nested objects', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
    ['a __proto__ key', '{"__proto__":{"isAdmin":true},"name":"x"}'],
    ['a nested __proto__ key', '{"persona":{"__proto__":{"polluted":true}}}'],
    ['huge numbers', '{"limit":1e400,"version":123456789012345678901234567890,"n":-1e-400}'],
    ['a 4,000-letter key', `{"${'k'.repeat(4_000)}":1}`],
    ['a string of 60,000 characters', JSON.stringify({ text: 'é'.repeat(60_000) })],
    ['a lone surrogate', '{"text":"\\ud800"}'],
    ['an empty body', ''],
  ];

  it.each(NAMES)('%s answers hostile bodies with 4xx in JSON and changes nothing', async (name) => {
    const before = await snapshot();
    for (const target of TARGETS[name]) {
      for (const [label, body] of bodies) {
        const response = await stack.service(name).request(target.method, target.path, {
          rawBody: body,
          token: target.authenticated ? tenant.adminKey : undefined,
          headers: { origin: ORIGIN, 'content-type': 'application/json' },
        });
        const where = `${name} ${target.method} ${target.path} with ${label}`;
        if (response.status < 400 || response.status >= 500) {
          throw new Error(`${where}: expected 4xx, got ${response.status} ${JSON.stringify(response.body)}`);
        }
        expect(response.body).toMatchObject({ statusCode: response.status, code: expect.any(String) });
      }
    }
    expect(await snapshot()).toEqual(before);
    await expectAllAlive();
  });

  it('closes truncated and slow bodies on every service with a 4xx, and stays up', async () => {
    const before = await snapshot();
    for (const name of NAMES) {
      const head = (length: number) =>
        `POST /v1/anything HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
      // Half a body, then the client stops writing: the server must give up on it, not wait forever.
      await rawExchange(name, head(1_000), '{"text":"trunc', { end: true });
      // Headers and a trickle of the body, then nothing: answered 408 once the request timeout passes.
      const slow = await rawExchange(name, head(1_000), '{"text":"slow', { end: false });
      expect([name, slow]).toEqual([name, expect.stringMatching(/^HTTP\/1\.1 4\d\d/)]);
    }
    expect(await snapshot()).toEqual(before);
    await expectAllAlive();
  });

  it('answers TRACE and other methods a path does not serve with 405 in JSON', async () => {
    for (const name of NAMES) {
      // fetch refuses to send TRACE: a raw request, as an attacker's tool would send it.
      const request = 'TRACE /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
      expect([name, await rawExchange(name, request, '', { end: false })]).toEqual([
        name,
        'HTTP/1.1 405 Method Not Allowed',
      ]);
    }
  });

  it("keeps the visitor's chat answering through 4,000 characters of every shape", async () => {
    const conversation = stack.service('conversation');
    const texts = Object.entries(hostileTexts(4_000, 7));
    const posted: string[] = [];
    for (const [shape, text] of texts) {
      const response = await conversation.request<{ id: string }>(
        'POST',
        `/v1/conversations/${visitor.conversationId}/messages`,
        { token: visitor.visitorToken, body: { text } },
      );
      // Accepted (perhaps cleaned by the guard), or refused as a whole (blocked): never a 5xx.
      expect([shape, response.status < 500]).toEqual([shape, true]);
      if (response.status === 201) posted.push(response.body.id);
    }
    expect(posted.length).toBeGreaterThan(0);
    // The bot answered every accepted message: no text took it down or stalled its partition. Each reply is
    // looked up by the message it answers (the transcript is read a page at a time).
    await waitFor(
      async () => {
        const replied = new Set<string>();
        for (let after = 0; ;) {
          const page = await conversation.request<MessageBody[]>(
            'GET',
            `/v1/conversations/${visitor.conversationId}/messages?after=${after}&limit=100`,
            { token: visitor.visitorToken },
          );
          for (const reply of botReplies(page.body)) replied.add(reply.inReplyTo!);
          if (page.body.length < 100) break;
          after = page.body[page.body.length - 1].sequence;
        }
        return posted.every((id) => replied.has(id)) || undefined;
      },
      { what: 'a bot reply to every hostile message', timeoutMs: 60_000 },
    );
    await expectAllAlive();
  });
});
