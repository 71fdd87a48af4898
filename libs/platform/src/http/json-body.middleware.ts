import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { apiError } from './api-error';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Parses JSON bodies and answers malformed, oversized or non-JSON bodies with
 * a JSON 4xx before any route runs (Express would otherwise answer in HTML).
 */
export function jsonBodyMiddleware(limitBytes: number): RequestHandler {
  const parse = json({ limit: limitBytes, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (METHODS_WITH_BODY.has(req.method) && hasBody && !req.is('application/json')) {
      res.status(415).json(apiError(415, 'Request bodies must be application/json'));
      return;
    }
    parse(req, res, (error?: unknown) => {
      if (!error && containsNul(req.body)) {
        // Postgres cannot store NUL in text: refuse it here rather than fail later.
        res.status(400).json(apiError(400, 'Request body contains NUL characters', 'invalid_characters'));
        return;
      }
      if (!error) return next();
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

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, entry]) => key.includes('\u0000') || containsNul(entry));
  }
  return false;
}
