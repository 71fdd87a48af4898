import { defineEvent } from '../../event-definition';
import { ApiKeyIssuedV1 } from './api-key-issued.v1';
import { API_KEY_PROPERTIES } from '../vocabulary';

export interface ApiKeyIssuedV2 extends ApiKeyIssuedV1 {
  /** When the key stops working on its own (null: only a revocation ends it). */
  expiresAt: string | null;
}

/**
 * v2: keys expire. Published when a key is issued and again when its expiry changes (a rotation brings the old
 * key's expiry forward): replicas take the latest expiry. v1 keys, still on their topic, never expire.
 */
export const apiKeyIssuedV2 = defineEvent<ApiKeyIssuedV2>({
  type: 'tenancy.api-key.issued',
  schemaVersion: 2,
  topic: 'tenancy.public.api-key.issued.v2',
  owner: 'conversation',
  description:
    'An API key was issued, or its expiry changed (rotation); every service stores its hash and expiry so it can ' +
    'authenticate it.',
  keyOf: (payload) => payload.tenantId,
  retainForever: true,
  neverSkip: true,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['keyId', 'tenantId', 'role', 'secretHash', 'label', 'createdAt', 'expiresAt'],
    properties: { ...API_KEY_PROPERTIES, expiresAt: { type: ['string', 'null'], format: 'date-time' } },
  },
});
