import { rowLevelSecurityMigration } from '@candor/tenant-isolation';
import { CONSENT_LEDGER_SCHEMA } from '../consent-ledger-schema';

/** Every tenant table behind row-level security: each table and the column that names its tenant. */
export const RowLevelSecurity1765267200000 = rowLevelSecurityMigration(CONSENT_LEDGER_SCHEMA, {
  consent_forms: 'tenant_id',
  ledger_entries: 'tenant_id',
  ledger_nodes: 'tenant_id',
  log_frontiers: 'tenant_id',
  tree_heads: 'tenant_id',
  log_keys: 'tenant_id',
  idempotency_keys: 'tenant_id',
  api_keys: 'tenant_id',
  audit_events: 'tenant_id',
  offboarded_tenants: 'tenant_id',
});
