import { type KeyObject, createPublicKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { TenantSigningKeys } from '@candor/crypto';
import { inTenantScope } from '@candor/tenant-isolation';
import { LogKeyRow } from './ledger.entities';

/** Each tenant's log key: created with its first entry, its private half opened through the key service. */
@Injectable()
export class LogKeys {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signingKeys: TenantSigningKeys,
  ) {}

  /** Makes sure the tenant has a log key (inside the first append's transaction). */
  async ensure(manager: EntityManager, tenantId: string): Promise<void> {
    if (await manager.existsBy(LogKeyRow, { tenantId })) return;
    const generated = await this.signingKeys.generate(tenantId);
    await manager
      .createQueryBuilder()
      .insert()
      .into(LogKeyRow)
      .values({
        tenantId,
        publicKey: generated.publicKeyPem,
        sealedPrivateKey: generated.sealedPrivateKey,
        createdAt: new Date(),
      })
      .orIgnore()
      .execute();
  }

  async publicKeyPem(tenantId: string): Promise<string | null> {
    const row = await inTenantScope(this.dataSource, tenantId, (manager) => manager.findOneBy(LogKeyRow, { tenantId }));
    return row?.publicKey ?? null;
  }

  async publicKey(tenantId: string): Promise<KeyObject | null> {
    const pem = await this.publicKeyPem(tenantId);
    return pem ? createPublicKey(pem) : null;
  }

  /**
   * The private key, opened through the key service each time a head is signed (only when the log grew):
   * the data key is cached by the key ring, and nothing else outlives an off-boarding.
   */
  async privateKey(tenantId: string): Promise<KeyObject> {
    const row = await inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.findOneByOrFail(LogKeyRow, { tenantId }),
    );
    return this.signingKeys.open(tenantId, row.sealedPrivateKey);
  }
}
