import { rowLevelSecurityMigration } from '@candor/tenant-isolation';
import { HANDOFF_SCHEMA } from '../handoff-schema';

/** Every tenant table behind row-level security: each table and the column that names its tenant. */
export const RowLevelSecurity1765267200000 = rowLevelSecurityMigration(HANDOFF_SCHEMA, {
  agent_availability: 'tenant_id',
  queue_entries: 'tenant_id',
  api_keys: 'tenant_id',
  offboarded_tenants: 'tenant_id',
});
