import { ApiKeyCredential } from '@candor/auth';
import { serviceDataSourceOptions } from '@candor/platform';
import type { DsrConfig } from '../config/dsr.config';
import { DSR_SCHEMA } from './dsr-schema';
import { CreateDsrSchema1764403200000 } from './migrations/1764403200000-create-dsr-schema';
import { CreateKeyRotationTables1764489600000 } from './migrations/1764489600000-create-key-rotation-tables';
import { CreateDataRequests1764576000000 } from './migrations/1764576000000-create-data-requests';
import { ConsumerDeliveries1765180800000 } from './migrations/1765180800000-consumer-deliveries';
import { RateLimitWindows1765180800003 } from './migrations/1765180800003-rate-limit-windows';
import { ApiKeyExpiry1765180800005 } from './migrations/1765180800005-api-key-expiry';
import { OffboardedTenants1765180800002 } from './migrations/1765180800002-offboarded-tenants';
import { RowLevelSecurity1765267200000 } from './migrations/1765267200000-row-level-security';
import { DataRequest } from '../data-requests/data-request.entity';
import { KeyRotation } from '../key-rotation/key-rotation.entity';
import { ShreddedSubjectKey } from '../key-rotation/shredded-subject-key.entity';

export function dsrDataSourceOptions(config: DsrConfig) {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: DSR_SCHEMA,
    entities: [ApiKeyCredential, KeyRotation, ShreddedSubjectKey, DataRequest],
    migrations: [
      CreateDsrSchema1764403200000,
      CreateKeyRotationTables1764489600000,
      CreateDataRequests1764576000000,
      ConsumerDeliveries1765180800000,
      OffboardedTenants1765180800002,
      RateLimitWindows1765180800003,
      ApiKeyExpiry1765180800005,
      RowLevelSecurity1765267200000,
    ],
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'candor-dsr',
  });
}
