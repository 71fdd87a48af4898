import { rowLevelSecurityMigration } from '@candor/tenant-isolation';
import { DSR_SCHEMA } from '../dsr-schema';

/** Every tenant table behind row-level security: each table and the column that names its tenant. */
export const RowLevelSecurity1765267200000 = rowLevelSecurityMigration(DSR_SCHEMA, {
  data_requests: 'tenant_id',
  key_rotations: 'tenant_id',
  shredded_subject_keys: 'tenant_id',
  api_keys: 'tenant_id',
  offboarded_tenants: 'tenant_id',
});
