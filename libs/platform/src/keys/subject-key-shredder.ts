import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { subjectKeyDestroyedV1 } from '@candor/contracts';
import { BLIND_INDEX_KEY_ID, type KeyManagementService, SIGNING_KEY_ID, SubjectKeyRing } from '@candor/crypto';
import { Outbox } from '@candor/messaging';
import { KEY_MANAGEMENT } from './key-management.token';

/**
 * Crypto-shredding of one data subject: destroys their wrapped data key (so
 * every copy of their data, in every row, Kafka record and backup, becomes
 * unreadable) and tells every service to drop the key from its cache now.
 */
@Injectable()
export class SubjectKeyShredder {
  constructor(
    @Inject(KEY_MANAGEMENT) private readonly kms: KeyManagementService,
    private readonly ring: SubjectKeyRing,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async shred(tenantId: string, subjectId: string): Promise<Date> {
    if (subjectId === BLIND_INDEX_KEY_ID || subjectId === SIGNING_KEY_ID) {
      throw new Error("The tenant's blind-index and signing keys are not data subjects");
    }
    // Key first: if the event cannot be written, caches still forget the key within their TTL.
    await this.kms.destroySubjectKey(tenantId, subjectId);
    this.ring.evict(tenantId, subjectId);
    const destroyedAt = new Date();
    await this.dataSource.transaction((manager) =>
      this.outbox.enqueue(
        manager,
        subjectKeyDestroyedV1,
        { subjectId, destroyedAt: destroyedAt.toISOString() },
        { tenantId, subjectId },
      ),
    );
    return destroyedAt;
  }
}
