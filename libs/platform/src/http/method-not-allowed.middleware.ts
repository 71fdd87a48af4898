import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { apiError } from './api-error';

/** One routed path and the methods it answers. */
export interface RouteMethods {
  path: string;
  methods: string[];
}

/** Finds the methods a request path is routed for, or undefined when no route has that path. */
export class RouteTable {
  private readonly entries: { pattern: RegExp; methods: Set<string> }[] = [];

  constructor(routes: Iterable<RouteMethods>) {
    const byPath = new Map<string, Set<string>>();
    for (const route of routes) {
      const methods = byPath.get(route.path) ?? new Set<string>();
      for (const method of route.methods) methods.add(method.toUpperCase());
      byPath.set(route.path, methods);
    }
    for (const [path, methods] of byPath) {
      const pattern = routePattern(path);
      if (pattern) this.entries.push({ pattern, methods });
    }
  }

  /** The methods routes answer on `path`, or undefined for a path no route has. */
  routed(path: string): Set<string> | undefined {
    const methods = new Set<string>();
    for (const entry of this.entries) {
      if (entry.pattern.test(path)) for (const method of entry.methods) methods.add(method);
    }
    return methods.size > 0 ? methods : undefined;
  }
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** What `Allow` lists for a path routed for `methods`: HEAD comes with GET, OPTIONS is always answered. */
export function allowHeader(methods: Set<string>): string {
  const allowed = new Set(methods);
  if (allowed.has('GET')) allowed.add('HEAD');
  allowed.add('OPTIONS');
  const rank = (method: string) => (METHOD_ORDER.includes(method) ? METHOD_ORDER.indexOf(method) : METHOD_ORDER.length);
  return [...allowed].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).join(', ');
}

/**
 * A method no route of a known path answers (TRACE, PATCH, …) gets 405 with an `Allow` header and the usual JSON
 * error body, before any body is read or credential checked; OPTIONS gets 204 with `Allow`. CORS preflights are
 * left to the CORS middleware of services that enable it. Unknown paths stay 404.
 *
 * `routes` is read at the first request, when every route is registered.
 */
export function methodNotAllowedMiddleware(routes: () => Iterable<RouteMethods>): RequestHandler {
  let table: RouteTable | undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    table ??= new RouteTable(routes());
    const routed = table.routed(req.path);
    if (!routed || routed.has(req.method) || (req.method === 'HEAD' && routed.has('GET'))) return next();
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) return next();
    res.setHeader('Allow', allowHeader(routed));
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    res.status(405).json(apiError(405, `${req.method} is not allowed on this path`));
  };
}

/** The routes an Express application has registered (Express 4 and 5 keep them in the router's stack). */
export function expressRoutes(expressApp: unknown): RouteMethods[] {
  const app = expressApp as { router?: RouterLike; _router?: RouterLike };
  const stack = (app.router ?? app._router)?.stack ?? [];
  const routes: RouteMethods[] = [];
  for (const layer of stack) {
    const route = layer.route;
    if (!route) continue;
    const methods = Object.keys(route.methods).filter((method) => method !== '_all');
    // A route answering every method (`all`) can never be a 405.
    if (route.methods['_all']) continue;
    for (const path of Array.isArray(route.path) ? route.path : [route.path]) {
      if (typeof path === 'string') routes.push({ path, methods });
    }
  }
  return routes;
}

interface RouterLike {
  stack: { route?: { path: unknown; methods: Record<string, boolean> } }[];
}

/**
 * A RegExp for an Express route path made of literal segments and `:name` parameters (what Nest registers), matching
 * as Express does by default: case-insensitive, with an optional trailing slash. Paths with other syntax (wildcards,
 * optional groups) get none: they never answer 405.
 */
export function routePattern(path: string): RegExp | undefined {
  if (!path.startsWith('/')) return undefined;
  const segments = path.split('/').slice(1);
  const parts: string[] = [];
  for (const segment of segments) {
    if (/^:[A-Za-z_$][\w$]*$/.test(segment)) {
      parts.push('[^/]+');
    } else if (/^[\w.~%@!$&'+,;=-]*$/.test(segment)) {
      parts.push(segment.replace(/[.$+]/g, '\\$&'));
    } else {
      return undefined;
    }
  }
  const body = parts.join('/');
  return new RegExp(body === '' ? '^/?$' : `^/${body}/?$`, 'i');
}
