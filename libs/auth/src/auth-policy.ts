import type { ApiKeyRole } from '@candor/contracts';

/** Where `@Authenticated` leaves its policy for the guard to read. */
export const AUTH_POLICY = Symbol('candor:auth-policy');

/** Who may make a call. */
export interface AuthPolicy {
  /** API key roles allowed; empty = no API key is accepted. */
  roles: ApiKeyRole[];
  /** Whether a visitor token (scoped to one conversation) is accepted too. */
  visitors: boolean;
}
