import { defineEvent } from '../../event-definition';

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
