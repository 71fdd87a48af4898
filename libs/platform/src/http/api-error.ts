import type { ErrorCode } from '../errors/error-codes';

/** The JSON body of every error response: a stable machine-readable code plus a human message. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  /** Stable, machine-readable code from the catalogue (`ERROR_CODES`), e.g. `validation_failed`, `not_found`. */
  code: ErrorCode;
  message: string;
  details?: unknown[];
}

/** The code of an error that named none (thrown by the framework), by its status. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

const REASON_BY_STATUS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function apiError(statusCode: number, message: string, code?: ErrorCode, details?: unknown[]): ApiErrorBody {
  return {
    statusCode,
    error: REASON_BY_STATUS[statusCode] ?? 'Error',
    code: code ?? CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? 'internal_error' : 'bad_request'),
    message,
    ...(details && details.length > 0 ? { details } : {}),
  };
}
