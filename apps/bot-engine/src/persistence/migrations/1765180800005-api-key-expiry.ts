import { apiKeyExpiryMigration } from '@candor/auth';

/** API keys expire: the copy of each key here carries its expiry. */
export const ApiKeyExpiry1765180800005 = apiKeyExpiryMigration('bot_engine');
