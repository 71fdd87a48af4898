import { offboardedTenantsMigration } from '@candor/auth';

/** Off-boarded tenants, so their API keys can never come back through a late key event. */
export const OffboardedTenants1765180800002 = offboardedTenantsMigration('bot_engine');
