import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiKeyCredential } from './api-key-credential.entity';

/**
 * A service's copy of the API keys (`api_keys`) and the tenants it was told are off-boarded
 * (`offboarded_tenants`), in the service's own schema. Every method runs in the caller's transaction.
 */
@Injectable()
export class ApiKeyReplicas {
  /**
   * Takes the tenant's key lock (held to the end of the transaction, so its key events and its off-boarding never
   * interleave) and tells whether the tenant is off-boarded here: then nothing of its keys may be written again.
   */
  async lockTenant(manager: EntityManager, tenantId: string): Promise<{ offboarded: boolean }> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('api-keys:' || $1, 0))`, [tenantId]);
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${tableOf(manager, 'offboarded_tenants')} WHERE "tenant_id" = $1`,
      [tenantId],
    );
    return { offboarded: rows.length > 0 };
  }

  /** A key as first issued; a copy already kept (perhaps revoked) stays as it is. */
  async addIfAbsent(manager: EntityManager, key: ApiKeyCredential): Promise<void> {
    await manager.createQueryBuilder().insert().into(ApiKeyCredential).values(key).orIgnore().execute();
  }

  /** A key with its latest expiry. */
  keepExpiry(manager: EntityManager, key: ApiKeyCredential): Promise<void> {
    return this.upsert(manager, key, 'expires_at');
  }

  /** A revoked key, even one whose issue has not arrived yet (the issue is then ignored). */
  keepRevoked(manager: EntityManager, key: ApiKeyCredential): Promise<void> {
    return this.upsert(manager, key, 'revoked_at');
  }

  /** Inserts the key, or updates only `column` of the copy already kept. */
  private async upsert(manager: EntityManager, key: ApiKeyCredential, column: 'expires_at' | 'revoked_at') {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ApiKeyCredential)
      .values(key)
      .orUpdate([column], ['key_id'])
      .execute();
  }

  /** Remembers the off-boarding and forgets the tenant's keys (call with the tenant's lock held). */
  async offboard(manager: EntityManager, tenantId: string, offboardedAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO ${tableOf(manager, 'offboarded_tenants')} ("tenant_id", "offboarded_at")
       VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [tenantId, offboardedAt],
    );
    await manager.delete(ApiKeyCredential, { tenantId });
  }
}

/** A table of the service's own schema (the one its data source is configured with). */
function tableOf(manager: EntityManager, table: string): string {
  const schema = (manager.connection.options as { schema?: string }).schema ?? 'public';
  return `"${schema.replace(/"/g, '""')}"."${table}"`;
}
