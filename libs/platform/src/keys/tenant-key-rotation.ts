import { Inject, Injectable, Logger } from '@nestjs/common';
import { KeyDestroyedError, type KeyManagementService } from '@candor/crypto';
import { KEY_MANAGEMENT } from './key-management.token';

export interface TenantKeyRotationResult {
  tenantId: string;
  /** The tenant key version everything is wrapped under now. */
  version: number;
  subjectsRewrapped: number;
  /** From this moment, nothing wrapped under an older version (e.g. in a backup) can be unwrapped. */
  completedAt: Date;
}

/**
 * Rotates a tenant's key-encryption key and retires the old versions: adds a
 * version, re-wraps every subject's data key under it, then raises the
 * minimum decryption version (which also deletes the old versions). Wrapped
 * keys of erased subjects that survive in backups become unreadable at
 * `completedAt`. Re-running after a failure is safe: re-wrapping is idempotent.
 */
@Injectable()
export class TenantKeyRotation {
  private readonly logger = new Logger(TenantKeyRotation.name);

  constructor(@Inject(KEY_MANAGEMENT) private readonly kms: KeyManagementService) {}

  async rotate(tenantId: string): Promise<TenantKeyRotationResult> {
    const version = await this.kms.rotateTenantKey(tenantId);
    let subjectsRewrapped = 0;
    for (const subjectId of await this.kms.listSubjectIds(tenantId)) {
      const wrapped = await this.kms.getSubjectKey(tenantId, subjectId);
      // Erased in the meantime: nothing left to re-wrap.
      if (!wrapped) continue;
      try {
        await this.kms.replaceSubjectKey(tenantId, subjectId, await this.kms.rewrapDataKey(tenantId, wrapped));
        subjectsRewrapped++;
      } catch (error) {
        // Already unreadable (wrapped under a retired version): re-wrapping cannot save it, nor must it stop the rotation.
        if (!(error instanceof KeyDestroyedError)) throw error;
        this.logger.warn(`Subject key of tenant ${tenantId} was already unreadable; left as is`);
      }
    }
    await this.kms.setMinDecryptionVersion(tenantId, version);
    return { tenantId, version, subjectsRewrapped, completedAt: new Date() };
  }
}
