import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { EventValidationError } from '@candor/contracts';
import { KeyDestroyedError, KeyServiceUnavailableError } from '@candor/crypto';
import { RateLimitedException } from '../rate-limiting/rate-limiter';
import { type ApiErrorBody, apiError } from './api-error';
import { refusalBody } from './error-body';

/**
 * Renders every HTTP error as JSON. Unexpected errors become a 500 whose body
 * says nothing of the cause; the log keeps the error class and stack, not the
 * request data.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      // Event handlers: hand the original error to the reliable transport, which retries or
      // dead-letters it (Nest's default would swap it for a generic object).
      throw exception;
    }
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      const error = exception instanceof Error ? exception : new Error('non-error thrown');
      // A database message can quote the values that failed: log its SQLSTATE instead.
      const detail = sqlState(exception) ? `code ${sqlState(exception)}` : error.message;
      this.logger.error(`${error.name}: ${detail}`, error.stack);
    }
    if (!response.headersSent) {
      if (exception instanceof RateLimitedException) response.setHeader('Retry-After', exception.retryAfterSeconds);
      response.status(body.statusCode).json(body);
    }
  }

  private toBody(exception: unknown): ApiErrorBody {
    const refusal = refusalBody(exception);
    if (refusal) return refusal;
    if (exception instanceof KeyServiceUnavailableError) {
      // Fail closed: nothing is stored or shown unencrypted while keys cannot be had.
      return apiError(503, 'Encryption keys are unavailable; try again shortly', 'key_service_unavailable');
    }
    if (exception instanceof KeyDestroyedError) {
      return apiError(410, 'The data belongs to an erased subject or an off-boarded tenant', 'erased');
    }
    if (exception instanceof EventValidationError) {
      // Input the DTOs let through but the event contract refuses (e.g. lengths counted differently).
      return apiError(400, 'Request validation failed', 'validation_failed', exception.violations);
    }
    if (sqlState(exception)?.startsWith('22')) {
      // Postgres "data exception" (value too long, out of range, bad characters): the input's fault.
      return apiError(400, 'A value in the request cannot be stored', 'invalid_value');
    }
    if (sqlState(exception) === '55P03' || sqlState(exception) === '57014') {
      // A lock or statement timeout: the work is contended, not wrong; nothing was committed, try again.
      return apiError(503, 'The service is busy; try again shortly', 'busy');
    }
    if (!(exception instanceof HttpException)) {
      return apiError(500, 'An unexpected error occurred');
    }
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'code' in response) {
      return response as ApiErrorBody;
    }
    if (typeof response === 'object' && response !== null && 'message' in response) {
      const message = (response as { message: unknown }).message;
      // class-validator failures arrive as a list of messages.
      if (Array.isArray(message)) {
        return apiError(status, 'Request validation failed', 'validation_failed', message);
      }
      return apiError(status, String(message));
    }
    if (typeof response === 'object' && response !== null) {
      // A structured body of its own (e.g. a failed health check): keep it, add the common fields.
      const fallback = apiError(status, exception.message);
      return { ...fallback, ...(response as object), code: fallback.code } as ApiErrorBody;
    }
    return apiError(status, typeof response === 'string' ? response : exception.message);
  }
}

function sqlState(exception: unknown): string | undefined {
  if (!(exception instanceof QueryFailedError)) return undefined;
  const code = (exception.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
