import type { Params } from 'nestjs-pino';
import { destination } from 'pino';

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

/** JSON logs to stdout, or appended to `file` when one is configured. */
export function loggerParams(serviceName: string, level: string, file?: string): Params {
  const options = {
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
    autoLogging: { ignore: (req: { url?: string }) => /^\/(health|metrics)/.test(req.url ?? '') },
    customLogLevel: (_req: unknown, res: { statusCode: number }, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  } satisfies Params['pinoHttp'];
  return { pinoHttp: file ? [options, destination({ dest: file, sync: true, mkdir: true })] : options };
}
