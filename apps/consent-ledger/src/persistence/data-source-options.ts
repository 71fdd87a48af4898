import { ApiKeyCredential } from '@candor/auth';
import { serviceDataSourceOptions } from '@candor/platform';
import type { ConsentLedgerConfig } from '../config/consent-ledger.config';
import { CONSENT_LEDGER_SCHEMA } from './consent-ledger-schema';
import { CreateConsentLedgerSchema1764403200000 } from './migrations/1764403200000-create-consent-ledger-schema';

export function consentLedgerDataSourceOptions(config: ConsentLedgerConfig) {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: CONSENT_LEDGER_SCHEMA,
    entities: [ApiKeyCredential],
    migrations: [CreateConsentLedgerSchema1764403200000],
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'candor-consent-ledger',
  });
}
