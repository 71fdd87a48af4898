import type { Params } from 'nestjs-pino';

/**
 * Paths never written to logs: credentials, and every field name that carries
 * personal data anywhere in Candor (message text, names, contact details).
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-forwarded-for"]',
  'req.remoteAddress',
  'req.query',
  'req.body',
  'res.headers["set-cookie"]',
  '*.text',
  '*.email',
  '*.phone',
  '*.name',
  '*.displayName',
  '*.visitorToken',
  '*.apiKey',
  '*.secret',
];

export function loggerParams(serviceName: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service: serviceName },
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      // Log the route, never the raw URL with its query string.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
      },
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
