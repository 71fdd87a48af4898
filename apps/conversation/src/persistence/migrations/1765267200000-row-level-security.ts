import { rowLevelSecurityMigration } from '@candor/tenant-isolation';
import { CONVERSATION_SCHEMA } from '../conversation-schema';

/** Every tenant table behind row-level security: each table and the column that names its tenant. */
export const RowLevelSecurity1765267200000 = rowLevelSecurityMigration(CONVERSATION_SCHEMA, {
  tenants: 'id',
  conversations: 'tenant_id',
  messages: 'tenant_id',
  privacy_notices: 'tenant_id',
  api_keys: 'tenant_id',
  audit_events: 'tenant_id',
});
