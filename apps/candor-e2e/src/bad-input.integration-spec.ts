import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { CandorStack, ORIGIN, type ServiceName } from './support/candor-stack';
import { waitFor } from '@candor/testing';
import {
  type ConversationFixture,
  type TenantFixture,
  createTenant,
  startConversation,
  transcript,
} from './support/fixtures';

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown[];
        responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
}

interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: () => string;
  token: () => string | undefined;
  headers?: Record<string, string>;
  /** A valid body, used to build the broken variants. */
  body?: () => Record<string, unknown>;
}

describe('bad input never reaches the domain: the exact 4xx and code, a JSON body, nothing changed', () => {
  let stack: CandorStack;
  let tenant: TenantFixture;
  let visitor: ConversationFixture;

  beforeAll(async () => {
    stack = await CandorStack.start(['conversation', 'bot-engine']);
    tenant = await createTenant(stack.service('conversation'), stack.bootstrapKey);
    visitor = await startConversation(stack.service('conversation'), tenant.siteKey);
    // The bot's greeting is stored asynchronously: let it land before any "nothing changed" snapshot.
    await waitFor(
      async () => (await transcript(stack.service('conversation'), visitor)).some((m) => m.senderKind === 'bot'),
      { what: 'the bot greeting' },
    );
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const endpoints: Endpoint[] = [
    {
      name: 'POST /v1/tenants',
      method: 'POST',
      path: () => '/v1/tenants',
      token: () => stack.bootstrapKey,
      body: () => ({ name: 'Valid', allowedOrigins: [ORIGIN] }),
    },
    {
      name: 'POST /v1/api-keys',
      method: 'POST',
      path: () => '/v1/api-keys',
      token: () => tenant.adminKey,
      body: () => ({ role: 'agent', label: 'ok' }),
    },
    {
      name: 'POST /v1/conversations',
      method: 'POST',
      path: () => '/v1/conversations',
      token: () => undefined,
      headers: { origin: ORIGIN },
      body: () => ({ siteKey: tenant.siteKey, locale: 'en' }),
    },
    {
      name: 'POST /v1/conversations/:id/messages',
      method: 'POST',
      path: () => `/v1/conversations/${visitor.conversationId}/messages`,
      token: () => visitor.visitorToken,
      body: () => ({ text: 'hello' }),
    },
  ];

  /**
   * Row counts of every table of every service schema, read in one statement so they come from one
   * database snapshot: bad input must leave them all as they were.
   */
  async function snapshot(): Promise<Record<string, number>> {
    const tables = await stack.database.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_schema IN ('conversation', 'bot_engine') AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'consumer_deliveries', 'rate_limit_windows')`,
    );
    const counts = await stack.database.query<{ name: string; count: string }>(
      tables
        .map(({ schema, name }) => `SELECT '${schema}.${name}' AS name, count(*) FROM "${schema}"."${name}"`)
        .join(' UNION ALL '),
    );
    return Object.fromEntries(counts.map(({ name, count }) => [name, Number(count)]));
  }

  /** What a response answered: its status and code, and whether its body was the common JSON error body. */
  function answerOf(response: { status: number; body: unknown; headers: Headers }) {
    const body = response.body as { statusCode?: unknown; code?: unknown; message?: unknown };
    const jsonErrorBody =
      /application\/json/.test(response.headers.get('content-type') ?? '') &&
      body.statusCode === response.status &&
      typeof body.message === 'string';
    return { status: response.status, code: body.code, jsonErrorBody };
  }

  it.each(endpoints.map((endpoint) => [endpoint.name, endpoint] as const))(
    '%s rejects broken JSON, wrong types, unknown fields, oversized and non-JSON bodies',
    async (_name, endpoint) => {
      const before = await snapshot();
      const service = stack.service('conversation');
      const valid = endpoint.body!();
      const firstField = Object.keys(valid)[0];
      const invalid = [400, 'validation_failed'] as const;
      const variants: {
        label: string;
        rawBody?: string;
        body?: unknown;
        headers?: Record<string, string>;
        answer: readonly [number, string];
      }[] = [
        { label: 'broken JSON', rawBody: '{"unterminated": ', answer: [400, 'malformed_json'] },
        { label: 'JSON that is not an object', rawBody: '"just a string"', answer: [400, 'malformed_json'] },
        { label: 'array body', body: [valid], answer: invalid },
        { label: 'empty object', body: {}, answer: invalid },
        { label: 'wrong type', body: { ...valid, [firstField]: 12345 }, answer: invalid },
        { label: 'null field', body: { ...valid, [firstField]: null }, answer: invalid },
        { label: 'nested object where a string goes', body: { ...valid, [firstField]: { $ne: '' } }, answer: invalid },
        { label: 'unknown field', body: { ...valid, isAdmin: true }, answer: invalid },
        {
          label: 'oversized body',
          body: { ...valid, padding: 'x'.repeat(70_000) },
          answer: [413, 'payload_too_large'],
        },
        { label: 'NUL character', body: { ...valid, [firstField]: 'a\u0000b' }, answer: [400, 'invalid_characters'] },
        {
          label: 'text over the limit counted in code points',
          body: { ...valid, [firstField]: '\u{1F600}\uFE0F'.repeat(2_100) },
          answer: invalid,
        },
        {
          label: 'form-encoded',
          rawBody: 'a=1&b=2',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          answer: [415, 'unsupported_media_type'],
        },
        {
          label: 'text/plain',
          rawBody: JSON.stringify(valid),
          headers: { 'content-type': 'text/plain' },
          answer: [415, 'unsupported_media_type'],
        },
      ];
      const answers = [];
      for (const variant of variants) {
        const response = await service.request(endpoint.method, endpoint.path(), {
          token: endpoint.token(),
          body: variant.body,
          rawBody: variant.rawBody,
          headers: { ...endpoint.headers, ...variant.headers },
        });
        answers.push({ variant: variant.label, ...answerOf(response) });
      }
      // Each case's exact status and code, in the common JSON error body.
      expect(answers).toEqual(
        variants.map(({ label, answer: [status, code] }) => ({ variant: label, status, code, jsonErrorBody: true })),
      );
      expect(await snapshot()).toEqual(before);
    },
  );

  it('rejects malformed path parameters and query strings with 400', async () => {
    const service = stack.service('conversation');
    const cases: [string, string, string | undefined][] = [
      ['GET', '/v1/conversations/not-a-uuid', tenant.adminKey],
      ['GET', '/v1/conversations/not-a-uuid/messages', tenant.adminKey],
      ['GET', `/v1/conversations/${visitor.conversationId}/messages?limit=abc`, visitor.visitorToken],
      ['GET', `/v1/conversations/${visitor.conversationId}/messages?limit=100000`, visitor.visitorToken],
      ['GET', `/v1/conversations/${visitor.conversationId}/messages?after=-4`, visitor.visitorToken],
      ['GET', `/v1/conversations/${visitor.conversationId}/messages?after=10000000000`, visitor.visitorToken],
      ['GET', `/v1/conversations/${visitor.conversationId}/messages?after=1e300`, visitor.visitorToken],
      ['GET', `/v1/conversations/${visitor.conversationId}/messages?surprise=1`, visitor.visitorToken],
      ['DELETE', '/v1/api-keys/UPPER-case-not-ok', tenant.adminKey],
    ];
    for (const [method, path, token] of cases) {
      const response = await service.request(method, path, { token });
      expect({ method, path, ...answerOf(response) }).toEqual({
        method,
        path,
        status: 400,
        code: 'validation_failed',
        jsonErrorBody: true,
      });
    }
  });

  it('answers unknown routes and bad credentials in JSON', async () => {
    const service = stack.service('conversation');
    const unknownRoute = await service.request('GET', '/v1/nothing-here');
    expect(answerOf(unknownRoute)).toEqual({ status: 404, code: 'not_found', jsonErrorBody: true });
    const garbageToken = await service.request('GET', `/v1/conversations/${visitor.conversationId}`, {
      token: 'garbage',
    });
    expect(answerOf(garbageToken)).toEqual({ status: 401, code: 'invalid_credentials', jsonErrorBody: true });
    const malformedHeader = await service.request('GET', `/v1/conversations/${visitor.conversationId}`, {
      headers: { authorization: 'Basic abc' },
    });
    expect(answerOf(malformedHeader)).toEqual({ status: 401, code: 'unauthenticated', jsonErrorBody: true });
    for (const name of ['conversation', 'bot-engine'] as const) {
      const principal = await stack.service(name).request('GET', '/v1/auth/principal', { token: 'cnd_bad' });
      expect({ name, ...answerOf(principal) }).toEqual({
        name,
        status: 401,
        code: 'invalid_credentials',
        jsonErrorBody: true,
      });
    }
  });

  it('refuses a missing, empty or mistyped body where an object is required with 400 validation_failed, never a 500', async () => {
    const botEngine = stack.service('bot-engine');
    // The admin key reaches the bot engine through Kafka.
    await waitFor(async () => (await botEngine.request('GET', '/v1/bot', { token: tenant.adminKey })).status === 200, {
      what: 'the admin key at the bot engine',
    });
    const cases: [ServiceName, string, unknown][] = [
      ['conversation', '/v1/guard-policy', undefined],
      ['conversation', '/v1/guard-policy', {}],
      ['conversation', '/v1/guard-policy', { actions: [] }],
      ['conversation', '/v1/guard-policy', { actions: null }],
      ['bot-engine', '/v1/bot', undefined],
      ['bot-engine', '/v1/bot', {}],
      ['bot-engine', '/v1/bot', { persona: [] }],
      ['bot-engine', '/v1/bot', { persona: { name: 'Acme bot', tone: 'neutral' } }],
    ];
    for (const [name, path, body] of cases) {
      const response = await stack.service(name).request('PUT', path, { token: tenant.adminKey, body });
      expect([path, body, response.status]).toEqual([path, body, 400]);
      expect(response.body).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('answers a method a known path does not have with 405, Allow and the JSON error body', async () => {
    const service = stack.service('conversation');
    const patch = await service.request('PATCH', `/v1/conversations/${visitor.conversationId}`, {
      token: tenant.adminKey,
      body: {},
    });
    expect(answerOf(patch)).toEqual({ status: 405, code: 'method_not_allowed', jsonErrorBody: true });
    expect(patch.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    // fetch cannot send TRACE.
    const trace = await new Promise<{ status?: number; allow?: string; type?: string }>((resolve, reject) => {
      const request = httpRequest(
        `${stack.service('bot-engine').url}/v1/auth/principal`,
        { method: 'TRACE' },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode, allow: res.headers.allow, type: res.headers['content-type'] });
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(trace).toEqual({
      status: 405,
      allow: 'GET, HEAD, OPTIONS',
      type: expect.stringMatching(/application\/json/),
    });
    const options = await service.request('OPTIONS', '/v1/api-keys');
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'GET, HEAD, POST, OPTIONS']);
    expect((await service.request('PATCH', '/v1/nothing-here')).status).toBe(404);
  });

  it('publishes documents that declare every error a route gives, with the shared error schema', async () => {
    for (const name of ['conversation', 'bot-engine'] as const) {
      const document = (await stack.service(name).request<OpenApiDocument>('GET', '/docs-json')).body;
      expect(document.components.schemas.ApiError).toBeDefined();
      for (const [path, item] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          const statuses = Object.keys(operation.responses);
          const where = `${name} ${method.toUpperCase()} ${path}`;
          if (operation.security?.length)
            expect([where, ...statuses]).toEqual(expect.arrayContaining([where, '401', '429']));
          if (['post', 'put', 'patch'].includes(method)) {
            expect([where, ...statuses]).toEqual(expect.arrayContaining([where, '400', '413', '415']));
          }
          for (const status of statuses.filter((code) => Number(code) >= 400)) {
            expect([where, status, operation.responses[status].content?.['application/json']?.schema]).toEqual([
              where,
              status,
              { $ref: '#/components/schemas/ApiError' },
            ]);
          }
        }
      }
      expect(JSON.stringify(document.paths)).not.toContain('/health');
      // What the running service serves is what docs/openapi/ commits (built there in preview mode).
      const committed = JSON.parse(readFileSync(join(__dirname, `../../../docs/openapi/${name}.json`), 'utf8'));
      expect(document).toEqual(committed);
    }
  });

  it('starts a conversation from a page deeper than the path it keeps', async () => {
    const deep = await startConversation(stack.service('conversation'), tenant.siteKey, {
      pageUrl: `${ORIGIN}/de/products/heating/model-x?ref=mail`,
    });
    expect(deep.conversationId).toEqual(expect.any(String));
  });
});
