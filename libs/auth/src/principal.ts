import type { ApiKeyRole } from '@candor/contracts';

/** Who is calling, always within exactly one tenant. */
export type Principal =
  | { kind: 'api-key'; tenantId: string; role: ApiKeyRole; keyId: string }
  | { kind: 'visitor'; tenantId: string; conversationId: string; visitorId: string; expiresAt: number };

export interface AuthenticatedRequest {
  principal?: Principal;
}
