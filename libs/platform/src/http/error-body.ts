import { DomainError } from '../errors/domain-error';
import { statusOf } from '../errors/error-codes';
import { type ApiErrorBody, apiError } from './api-error';
import { ApiException } from './api-exception';

/** The body a refusal is answered with (a domain error or an HTTP-layer exception), or undefined for anything else. */
export function refusalBody(error: unknown): ApiErrorBody | undefined {
  if (error instanceof DomainError) return apiError(statusOf(error.code), error.message, error.code, error.details);
  if (error instanceof ApiException) return error.getResponse() as ApiErrorBody;
  return undefined;
}
