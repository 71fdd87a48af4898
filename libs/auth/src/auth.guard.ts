import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiException, BaseServiceConfig, RateLimiter } from '@candor/platform';
import { AUTH_POLICY, type AuthPolicy } from './auth-policy';
import { CredentialVerifier } from './credential-verifier';
import type { AuthenticatedRequest } from './principal';

/**
 * Guards `@Authenticated` routes: sets `request.principal` or answers 401/403 in JSON, then counts the call
 * against the credential's rate limit (per API key, or per visitor token's conversation): 429 beyond it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: CredentialVerifier,
    private readonly limiter: RateLimiter,
    private readonly config: BaseServiceConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AuthPolicy | undefined>(AUTH_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const credential = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!credential) {
      throw new ApiException('unauthenticated', 'An Authorization: Bearer credential is required');
    }
    const principal = await this.verifier.verify(credential, policy);
    await this.limiter.enforce(
      principal.kind === 'api-key' ? `key:${principal.keyId}` : `visitor:${principal.conversationId}`,
      {
        limit:
          principal.kind === 'api-key'
            ? this.config.RATE_LIMIT_API_KEY_PER_MINUTE
            : this.config.RATE_LIMIT_VISITOR_PER_MINUTE,
        windowMs: 60_000,
      },
    );
    request.principal = principal;
    return true;
  }
}
