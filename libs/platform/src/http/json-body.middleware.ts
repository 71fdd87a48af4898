import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { apiError } from './api-error';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Deepest nesting of arrays and objects a request body may have. Every API body is at most a few levels
 * deep; the bound keeps every later walk over the body (validation, transformation) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 32;

/** The key that would reach an object's prototype if a later step copied the body onto an object. */
const PROTOTYPE_KEY = '__proto__';

export type BodyDefect = 'too_deep' | 'invalid_characters' | 'forbidden_key';

/**
 * Parses JSON bodies and answers malformed, oversized, over-deep or non-JSON bodies with
 * a JSON 4xx before any route runs (Express would otherwise answer in HTML).
 */
export function jsonBodyMiddleware(limitBytes: number, bodyTimeoutMs: number): RequestHandler {
  const parse = json({ limit: limitBytes, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (METHODS_WITH_BODY.has(req.method) && hasBody && !req.is('application/json')) {
      res.status(415).json(apiError(415, 'Request bodies must be application/json'));
      return;
    }
    // A body that trickles in (or stops before its Content-Length) must not hold the connection and its buffer.
    const timer = setTimeout(() => {
      if (!res.headersSent) res.set('Connection', 'close').status(408).json(apiError(408, 'Request body too slow'));
      req.socket.destroySoon();
    }, bodyTimeoutMs);
    parse(req, res, (error?: unknown) => {
      clearTimeout(timer);
      if (res.headersSent) return;
      if (!error) {
        const defect = inspectBody(req.body);
        if (defect) {
          res.status(400).json(apiError(400, DEFECT_MESSAGES[defect], defect));
          return;
        }
        return next();
      }
      const failure = error as { type?: string; status?: number };
      if (failure.type === 'entity.too.large') {
        res.status(413).json(apiError(413, `Request body exceeds ${limitBytes} bytes`));
      } else if (failure.type === 'entity.parse.failed') {
        res.status(400).json(apiError(400, 'Request body is not valid JSON', 'malformed_json'));
      } else {
        const status = failure.status && failure.status >= 400 && failure.status < 500 ? failure.status : 400;
        res.status(status).json(apiError(status, 'Request body could not be read'));
      }
    });
  };
}

const DEFECT_MESSAGES: Record<BodyDefect, string> = {
  too_deep: `Request body is nested deeper than ${MAX_JSON_DEPTH} levels`,
  // Postgres cannot store NUL in text: refuse it here rather than fail later.
  invalid_characters: 'Request body contains NUL characters',
  forbidden_key: 'Request body uses the reserved key __proto__',
};

/**
 * The first defect of a parsed body, or null. Iterative, not recursive: a hostile body of thousands of
 * nested arrays must cost a 400, not the process's stack. The work is linear in the body's size, which
 * the parser has already bounded.
 */
export function inspectBody(body: unknown): BodyDefect | null {
  const pending: Array<{ value: unknown; depth: number }> = [{ value: body, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, depth } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'invalid_characters';
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return 'too_deep';
    if (Array.isArray(value)) {
      for (const entry of value) pending.push({ value: entry, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key.includes('\u0000')) return 'invalid_characters';
      if (key === PROTOTYPE_KEY) return 'forbidden_key';
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
