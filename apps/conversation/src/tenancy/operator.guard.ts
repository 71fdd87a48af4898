import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiException } from '@candor/platform';
import { ConversationConfig } from '../config/conversation.config';

/** Lets only the operator, holding the bootstrap key from the environment, create tenants. */
@Injectable()
export class OperatorGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: ConversationConfig) {
    this.expected = digest(config.BOOTSTRAP_API_KEY);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const credential = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!credential) {
      throw new ApiException('unauthenticated', 'The operator bootstrap key is required');
    }
    // Compare digests so the comparison takes the same time whatever the length.
    if (!timingSafeEqual(digest(credential), this.expected)) {
      throw new ApiException('invalid_credentials', 'The operator bootstrap key is wrong');
    }
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
