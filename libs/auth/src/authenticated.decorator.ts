import { SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthGuard } from './auth.guard';
import { AUTH_POLICY, type AuthPolicy } from './auth-policy';

/** Requires an API key with one of `roles` (or, if `visitors`, a visitor token). */
export function Authenticated(policy: Partial<AuthPolicy> & Pick<AuthPolicy, 'roles'>) {
  return applyDecorators(
    SetMetadata(AUTH_POLICY, { visitors: false, ...policy } satisfies AuthPolicy),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, unknown, revoked or expired credentials' }),
    ApiForbiddenResponse({ description: 'The credentials do not allow this call' }),
  );
}
