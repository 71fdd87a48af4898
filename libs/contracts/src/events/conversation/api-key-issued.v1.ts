import { defineEvent } from '../../event-definition';
import { API_KEY_PROPERTIES, type ApiKeyRole } from '../vocabulary';

export interface ApiKeyIssuedV1 {
  keyId: string;
  tenantId: string;
  role: ApiKeyRole;
  /** SHA-256 (hex) of the key's 256-bit random secret; the secret itself never leaves the caller. */
  secretHash: string;
  label: string | null;
  createdAt: string;
}

export const apiKeyIssuedV1 = defineEvent<ApiKeyIssuedV1>({
  type: 'tenancy.api-key.issued',
  schemaVersion: 1,
  topic: 'tenancy.public.api-key.issued.v1',
  owner: 'conversation',
  description: 'An API key was issued; every service stores its hash so it can authenticate it.',
  keyOf: (payload) => payload.tenantId,
  retainForever: true,
  neverSkip: true,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['keyId', 'tenantId', 'role', 'secretHash', 'label', 'createdAt'],
    properties: API_KEY_PROPERTIES,
  },
});
