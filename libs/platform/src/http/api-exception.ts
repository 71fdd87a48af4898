import { HttpException } from '@nestjs/common';
import { apiError } from './api-error';

/** An HTTP error with a machine-readable code, rendered as `ApiErrorBody`. */
export class ApiException extends HttpException {
  constructor(statusCode: number, code: string, message: string, details?: unknown[]) {
    super(apiError(statusCode, message, code, details), statusCode);
  }
}
