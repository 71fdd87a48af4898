import { ApiKeyCredential } from '@candor/auth';
import { serviceDataSourceOptions } from '@candor/platform';
import type { ConsentLedgerConfig } from '../config/consent-ledger.config';
import { CONSENT_LEDGER_SCHEMA } from './consent-ledger-schema';
import { ConsentForm } from '../forms/consent-form.entity';
import { LedgerEntryRow, LedgerNodeRow, LogFrontierRow, LogKeyRow, TreeHeadRow } from '../ledger/ledger.entities';
import { CreateConsentLedgerSchema1764403200000 } from './migrations/1764403200000-create-consent-ledger-schema';
import { CreateLedger1764576000000 } from './migrations/1764576000000-create-ledger';
import { CreateIdempotencyKeys1764748800000 } from './migrations/1764748800000-create-idempotency-keys';
import { ConsumerDeliveries1765180800000 } from './migrations/1765180800000-consumer-deliveries';
import { RateLimitWindows1765180800003 } from './migrations/1765180800003-rate-limit-windows';
import { ApiKeyExpiry1765180800005 } from './migrations/1765180800005-api-key-expiry';
import { AuditEvents1765180800004 } from './migrations/1765180800004-audit-events';
import { OffboardedTenants1765180800002 } from './migrations/1765180800002-offboarded-tenants';
import { IdempotencyRequestDigest1765180800001 } from './migrations/1765180800001-idempotency-request-digest';
import { RowLevelSecurity1765267200000 } from './migrations/1765267200000-row-level-security';

export function consentLedgerDataSourceOptions(config: ConsentLedgerConfig) {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: CONSENT_LEDGER_SCHEMA,
    entities: [ApiKeyCredential, ConsentForm, LedgerEntryRow, LedgerNodeRow, TreeHeadRow, LogKeyRow, LogFrontierRow],
    migrations: [
      CreateConsentLedgerSchema1764403200000,
      CreateLedger1764576000000,
      CreateIdempotencyKeys1764748800000,
      ConsumerDeliveries1765180800000,
      IdempotencyRequestDigest1765180800001,
      OffboardedTenants1765180800002,
      RateLimitWindows1765180800003,
      AuditEvents1765180800004,
      ApiKeyExpiry1765180800005,
      RowLevelSecurity1765267200000,
    ],
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'candor-consent-ledger',
  });
}
