import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  BlindIndex,
  type KeyManagementService,
  PersonalDataCipher,
  SubjectKeyRing,
  TenantSigningKeys,
} from '@candor/crypto';
import { BaseServiceConfig } from '../config/base-service.config';
import { createKeyManagement } from './key-management.factory';
import { KeyCacheEvictionHandler } from './key-cache-eviction.handler';
import { KEY_MANAGEMENT } from './key-management.token';
import { SubjectKeyShredder } from './subject-key-shredder';
import { TenantKeyRotation } from './tenant-key-rotation';

/**
 * Gives a service its key service, the cache of subjects' data keys, the
 * personal-data cipher and crypto-shredding, and evicts erased subjects' keys
 * from the cache when their destruction is announced.
 */
@Global()
@Module({
  providers: [
    {
      provide: KEY_MANAGEMENT,
      inject: [BaseServiceConfig],
      useFactory: (config: BaseServiceConfig) => createKeyManagement(config),
    },
    {
      provide: SubjectKeyRing,
      inject: [KEY_MANAGEMENT, BaseServiceConfig],
      useFactory: (kms: KeyManagementService, config: BaseServiceConfig) =>
        new SubjectKeyRing(kms, { ttlMs: config.KEY_CACHE_TTL_MS, maxEntries: config.KEY_CACHE_MAX_ENTRIES }),
    },
    {
      provide: PersonalDataCipher,
      inject: [SubjectKeyRing],
      useFactory: (ring: SubjectKeyRing) => new PersonalDataCipher(ring),
    },
    { provide: BlindIndex, inject: [SubjectKeyRing], useFactory: (ring: SubjectKeyRing) => new BlindIndex(ring) },
    {
      provide: TenantSigningKeys,
      inject: [SubjectKeyRing],
      useFactory: (ring: SubjectKeyRing) => new TenantSigningKeys(ring),
    },
    SubjectKeyShredder,
    TenantKeyRotation,
  ],
  controllers: [KeyCacheEvictionHandler],
  exports: [
    KEY_MANAGEMENT,
    SubjectKeyRing,
    PersonalDataCipher,
    BlindIndex,
    TenantSigningKeys,
    SubjectKeyShredder,
    TenantKeyRotation,
  ],
})
export class KeysModule implements OnApplicationShutdown {
  constructor(@Inject(KEY_MANAGEMENT) private readonly kms: KeyManagementService) {}

  async onApplicationShutdown(): Promise<void> {
    await this.kms.close();
  }
}
