import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inTenantScope } from '@candor/tenant-isolation';
import { KeyRotation } from './key-rotation.entity';
import { ShreddedSubjectKey } from './shredded-subject-key.entity';

/**
 * Erasure evidence: `shredded_subject_keys` (each subject whose key was destroyed) and `key_rotations` (the
 * rotations after which copies in backups became unreadable), read by compliance staff.
 */
@Injectable()
export class ErasureEvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a shredded subject, once (a replayed event changes nothing), for the next rotation to cover. */
  async recordShredding(manager: EntityManager, tenantId: string, subjectId: string, destroyedAt: Date) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ShreddedSubjectKey)
      .values({ tenantId, subjectId, keyDestroyedAt: destroyedAt, rotationId: null, backupsUnreadableAt: null })
      .orIgnore()
      .execute();
  }

  rotations(tenantId: string, limit: number): Promise<KeyRotation[]> {
    return inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.find(KeyRotation, { where: { tenantId }, order: { completedAt: 'DESC' }, take: limit }),
    );
  }

  shredding(tenantId: string, subjectId: string): Promise<ShreddedSubjectKey | null> {
    return inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.findOneBy(ShreddedSubjectKey, { tenantId, subjectId }),
    );
  }
}
