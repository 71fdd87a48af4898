import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, IsNull } from 'typeorm';
import { TenantKeyRotation } from '@candor/platform';
import { inCrossTenantScope, inTenantScope } from '@candor/tenant-isolation';
import { DsrConfig } from '../config/dsr.config';
import { KeyRotation } from './key-rotation.entity';
import { ShreddedSubjectKey } from './shredded-subject-key.entity';

/** Arbitrary, stable: one dsr instance rotates at a time. */
const ROTATION_LOCK_KEY = 7_204_119;

/**
 * After erasures, rotates the affected tenants' keys on a schedule, so that
 * backups still holding the erased subjects' wrapped keys become unreadable,
 * and records when that happened for each erasure (evidence).
 */
@Injectable()
export class KeyRotationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(KeyRotationScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<KeyRotation[]> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rotation: TenantKeyRotation,
    private readonly config: DsrConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.rotateDue().catch(() => undefined), this.config.KEY_ROTATION_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Rotates every tenant with erasures not yet covered by a rotation. */
  rotateDue(): Promise<KeyRotation[]> {
    this.running ??= this.rotateDueTenants().finally(() => (this.running = undefined));
    return this.running;
  }

  private async rotateDueTenants(): Promise<KeyRotation[]> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [ROTATION_LOCK_KEY]);
      if (!locked) return [];
      try {
        const due: { tenant_id: string }[] = await inCrossTenantScope(this.dataSource, 'scheduled-sweep', (manager) =>
          manager.query('SELECT DISTINCT "tenant_id" FROM "dsr"."shredded_subject_keys" WHERE "rotation_id" IS NULL'),
        );
        const completed: KeyRotation[] = [];
        for (const { tenant_id: tenantId } of due) {
          try {
            completed.push(await this.rotateTenant(tenantId));
          } catch (error) {
            // One tenant's failure (e.g. its key service is down) must not hold back the others; retried next time.
            this.logger.error(`Rotating tenant ${tenantId} failed: ${error instanceof Error ? error.name : 'error'}`);
          }
        }
        return completed;
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [ROTATION_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
  }

  private async rotateTenant(tenantId: string): Promise<KeyRotation> {
    const startedAt = new Date();
    const result = await this.rotation.rotate(tenantId);
    return inTenantScope(this.dataSource, tenantId, async (manager) => {
      const record = manager.create(KeyRotation, {
        id: randomUUID(),
        tenantId,
        keyVersion: result.version,
        subjectsRewrapped: result.subjectsRewrapped,
        erasuresCovered: 0,
        startedAt,
        completedAt: result.completedAt,
      });
      await manager.insert(KeyRotation, record);
      // Only erasures announced before the rotation started are certainly covered by it.
      const covered = await manager
        .createQueryBuilder()
        .update(ShreddedSubjectKey)
        .set({ rotationId: record.id, backupsUnreadableAt: result.completedAt })
        .where({ tenantId, rotationId: IsNull() })
        .andWhere('key_destroyed_at <= :startedAt', { startedAt })
        .execute();
      record.erasuresCovered = covered.affected ?? 0;
      await manager.update(KeyRotation, { id: record.id }, { erasuresCovered: record.erasuresCovered });
      return record;
    });
  }
}
