import { type KeyObject, createPublicKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { TenantSigningKeys } from '@candor/crypto';
import { LogKeyRow } from './ledger.entities';

/** An opened private key is kept briefly, like data keys, so an off-boarding takes effect soon. */
const PRIVATE_KEY_TTL_MS = 60_000;

/** Each tenant's log key: created with its first entry, its private half opened through the key service. */
@Injectable()
export class LogKeys {
  private readonly privateKeys = new Map<string, { key: KeyObject; expiresAt: number }>();

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
    return (await this.dataSource.getRepository(LogKeyRow).findOneBy({ tenantId }))?.publicKey ?? null;
  }

  async publicKey(tenantId: string): Promise<KeyObject | null> {
    const pem = await this.publicKeyPem(tenantId);
    return pem ? createPublicKey(pem) : null;
  }

  /** The private key, opened once per process; fails (fail closed) when the key service cannot unwrap it. */
  async privateKey(tenantId: string): Promise<KeyObject> {
    const cached = this.privateKeys.get(tenantId);
    if (cached && cached.expiresAt > Date.now()) return cached.key;
    const row = await this.dataSource.getRepository(LogKeyRow).findOneByOrFail({ tenantId });
    const key = await this.signingKeys.open(tenantId, row.sealedPrivateKey);
    this.privateKeys.set(tenantId, { key, expiresAt: Date.now() + PRIVATE_KEY_TTL_MS });
    return key;
  }
}
