import { rowLevelSecurityMigration } from '@candor/tenant-isolation';
import { BOT_ENGINE_SCHEMA } from '../bot-engine-schema';

/** Every tenant table behind row-level security: each table and the column that names its tenant. */
export const RowLevelSecurity1765267200000 = rowLevelSecurityMigration(BOT_ENGINE_SCHEMA, {
  tenant_bots: 'tenant_id',
  playbook_versions: 'tenant_id',
  bot_conversations: 'tenant_id',
  captured_fields: 'tenant_id',
  consent_forms: 'tenant_id',
  api_keys: 'tenant_id',
  audit_events: 'tenant_id',
  offboarded_tenants: 'tenant_id',
});
