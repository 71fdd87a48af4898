import { defineEvent } from '../event-definition';

export const API_KEY_ROLES = ['admin', 'agent', 'compliance', 'integrator'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export interface TenantCreatedV1 {
  tenantId: string;
  name: string;
  createdAt: string;
}

export const tenantCreatedV1 = defineEvent<TenantCreatedV1>({
  type: 'tenancy.tenant.created',
  schemaVersion: 1,
  topic: 'tenancy.public.tenant.created.v1',
  owner: 'conversation',
  description: 'An operator created a tenant (an organisation using Candor).',
  keyOf: (payload) => payload.tenantId,
  retainForever: true,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['tenantId', 'name', 'createdAt'],
    properties: {
      tenantId: { type: 'string', format: 'uuid' },
      name: { type: 'string', minLength: 1, maxLength: 200 },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
});

export interface TenantOffboardedV1 {
  tenantId: string;
  offboardedAt: string;
}

export const tenantOffboardedV1 = defineEvent<TenantOffboardedV1>({
  type: 'tenancy.tenant.offboarded',
  schemaVersion: 1,
  topic: 'tenancy.public.tenant.offboarded.v1',
  owner: 'conversation',
  description:
    'An operator off-boarded a tenant: its key-encryption key is destroyed (all its data is unreadable) and every ' +
    "service deletes the tenant's rows and forgets its keys.",
  keyOf: (payload) => payload.tenantId,
  retainForever: true,
  neverSkip: true,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['tenantId', 'offboardedAt'],
    properties: {
      tenantId: { type: 'string', format: 'uuid' },
      offboardedAt: { type: 'string', format: 'date-time' },
    },
  },
});

/** What every service stores of a key; shared by the issue and the revocation. */
const API_KEY_PROPERTIES = {
  keyId: { type: 'string', pattern: '^[a-z0-9]{16}$' },
  tenantId: { type: 'string', format: 'uuid' },
  role: { type: 'string', enum: [...API_KEY_ROLES] },
  secretHash: { type: 'string', pattern: '^[a-f0-9]{64}$' },
  label: { type: ['string', 'null'], maxLength: 100 },
  createdAt: { type: 'string', format: 'date-time' },
} as const;

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
