import { SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { ApiKeyRole } from '@candor/contracts';
import { AuthGuard } from './auth.guard';

export const AUTH_POLICY = Symbol('candor:auth-policy');

export interface AuthPolicy {
  /** API key roles allowed; empty = no API key is accepted. */
  roles: ApiKeyRole[];
  /** Whether a visitor token (scoped to one conversation) is accepted too. */
  visitors: boolean;
}

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
