import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiException } from '@candor/platform';
import { AUTH_POLICY, type AuthPolicy } from './authenticated.decorator';
import { CredentialVerifier } from './credential-verifier';
import type { AuthenticatedRequest } from './principal';

/** Guards `@Authenticated` routes: sets `request.principal` or answers 401/403 in JSON. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: CredentialVerifier,
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
      throw new ApiException(401, 'unauthenticated', 'An Authorization: Bearer credential is required');
    }
    request.principal = await this.verifier.verify(credential, policy);
    return true;
  }
}
