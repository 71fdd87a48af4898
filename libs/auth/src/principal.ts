import type { ApiKeyRole } from '@candor/contracts';
import type { AuditActor } from '@candor/platform';

/** Who is calling, always within exactly one tenant. */
export type Principal =
  | { kind: 'api-key'; tenantId: string; role: ApiKeyRole; keyId: string }
  | { kind: 'visitor'; tenantId: string; conversationId: string; visitorId: string; expiresAt: number };

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** Who acted, as the audit trail records it: an API key by its id (visitors make no administrative calls). */
export function auditActorOf(principal: Principal): AuditActor {
  if (principal.kind !== 'api-key') throw new Error('Only API keys make administrative calls');
  return { kind: 'api-key', keyId: principal.keyId };
}
