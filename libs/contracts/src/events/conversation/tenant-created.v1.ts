import { defineEvent } from '../../event-definition';

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
