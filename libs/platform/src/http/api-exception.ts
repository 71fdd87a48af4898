import { HttpException } from '@nestjs/common';
import { type ErrorCode, statusOf } from '../errors/error-codes';
import { apiError } from './api-error';

/** An error of the HTTP layer (guards, controllers) with a catalogued code, rendered as `ApiErrorBody`. */
export class ApiException extends HttpException {
  constructor(code: ErrorCode, message: string, details?: unknown[]) {
    super(apiError(statusOf(code), message, code, details), statusOf(code));
  }
}
