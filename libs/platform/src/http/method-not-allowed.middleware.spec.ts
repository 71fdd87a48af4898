import type { NextFunction, Request, Response } from 'express';
import { RouteTable, methodNotAllowedMiddleware, routePattern } from './method-not-allowed.middleware';

const ROUTES = [
  { path: '/v1/conversations', methods: ['get', 'post'] },
  { path: '/v1/conversations/:id', methods: ['get'] },
  { path: '/v1/conversations/:id/agent', methods: ['post'] },
  { path: '/v1/conversations/:id/agent', methods: ['delete'] },
  { path: '/v1/consents/batch', methods: ['post'] },
];

function call(method: string, path: string, headers: Record<string, string> = {}) {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown; ended: boolean } = {
    headers: {},
    ended: false,
  };
  const res = {
    setHeader: (name: string, value: string) => (sent.headers[name.toLowerCase()] = value),
    status: (status: number) => {
      sent.status = status;
      return res;
    },
    json: (body: unknown) => {
      sent.body = body;
      sent.ended = true;
    },
    end: () => {
      sent.ended = true;
    },
  };
  const next = jest.fn() as NextFunction;
  methodNotAllowedMiddleware(() => ROUTES)(
    { method, path, headers } as unknown as Request,
    res as unknown as Response,
    next,
  );
  return { ...sent, passed: (next as jest.Mock).mock.calls.length === 1 };
}

describe('routePattern', () => {
  it('matches literal segments and parameters as Express does', () => {
    const pattern = routePattern('/v1/conversations/:id/agent') as RegExp;
    expect(pattern.test('/v1/conversations/abc/agent')).toBe(true);
    expect(pattern.test('/V1/Conversations/abc/agent/')).toBe(true);
    expect(pattern.test('/v1/conversations/abc')).toBe(false);
    expect(pattern.test('/v1/conversations/a/b/agent')).toBe(false);
    expect(routePattern('/docs-json')?.test('/docs-json')).toBe(true);
    expect(routePattern('/')?.test('/')).toBe(true);
  });

  it('has no pattern for syntax it does not know (such routes never answer 405)', () => {
    expect(routePattern('/assets/*path')).toBeUndefined();
    expect(routePattern('/v1/{optional}')).toBeUndefined();
  });
});

describe('RouteTable', () => {
  it('unites the methods of every route matching a path', () => {
    const table = new RouteTable(ROUTES);
    expect([...(table.routed('/v1/conversations/x/agent') ?? [])]).toEqual(['POST', 'DELETE']);
    expect(table.routed('/v1/nothing')).toBeUndefined();
  });
});

describe('methodNotAllowedMiddleware', () => {
  it('lets routed methods, HEAD of a GET route and unknown paths through', () => {
    expect(call('GET', '/v1/conversations/x').passed).toBe(true);
    expect(call('HEAD', '/v1/conversations/x').passed).toBe(true);
    expect(call('TRACE', '/v1/unknown').passed).toBe(true);
  });

  it('answers another method on a known path with 405, Allow and the JSON error body', () => {
    const answer = call('TRACE', '/v1/conversations/x');
    expect(answer.passed).toBe(false);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(answer.body).toEqual({
      statusCode: 405,
      error: 'Method Not Allowed',
      code: 'method_not_allowed',
      message: 'TRACE is not allowed on this path',
    });
    // A path one route has for POST only, even though another route's parameter would match it for GET.
    expect(call('GET', '/v1/consents/batch')).toMatchObject({ status: 405 });
    expect(call('PATCH', '/v1/conversations/x/agent').headers.allow).toBe('POST, DELETE, OPTIONS');
    expect(call('PUT', '/v1/conversations').headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('answers OPTIONS with 204 and Allow, but leaves CORS preflights to the CORS middleware', () => {
    expect(call('OPTIONS', '/v1/conversations')).toMatchObject({
      status: 204,
      headers: { allow: 'GET, HEAD, POST, OPTIONS' },
      ended: true,
    });
    expect(call('OPTIONS', '/v1/conversations', { 'access-control-request-method': 'POST' }).passed).toBe(true);
  });
});
