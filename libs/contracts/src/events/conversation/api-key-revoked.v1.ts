import { defineEvent } from '../../event-definition';
import { ApiKeyIssuedV1 } from './api-key-issued.v1';
import { API_KEY_PROPERTIES } from '../vocabulary';

/**
 * Carries the whole key, not just its id: the revocation may reach a replica
 * before the issue did (different topics), and must still leave the key revoked.
 */
export interface ApiKeyRevokedV1 extends ApiKeyIssuedV1 {
  revokedAt: string;
}

export const apiKeyRevokedV1 = defineEvent<ApiKeyRevokedV1>({
  type: 'tenancy.api-key.revoked',
  schemaVersion: 1,
  topic: 'tenancy.public.api-key.revoked.v1',
  owner: 'conversation',
  description: 'An API key was revoked; every service stops accepting it.',
  keyOf: (payload) => payload.tenantId,
  retainForever: true,
  neverSkip: true,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['keyId', 'tenantId', 'role', 'secretHash', 'label', 'createdAt', 'revokedAt'],
    properties: { ...API_KEY_PROPERTIES, revokedAt: { type: 'string', format: 'date-time' } },
  },
});
