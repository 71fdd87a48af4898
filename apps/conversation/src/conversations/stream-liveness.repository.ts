import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inCrossTenantScope } from '@candor/tenant-isolation';

/** What the stream re-checks about its open sockets' API keys (`api_keys`): are they still valid. */
@Injectable()
export class StreamLivenessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The given API keys that are neither revoked, expired nor gone with an off-boarded tenant. */
  async validKeyIds(keyIds: readonly string[]): Promise<Set<string>> {
    if (keyIds.length === 0) return new Set();
    const rows: { key_id: string }[] = await inCrossTenantScope(this.dataSource, 'stream-recheck', (manager) =>
      manager.query(
        `SELECT "key_id" FROM "conversation"."api_keys"
         WHERE "key_id" = ANY($1::text[]) AND "revoked_at" IS NULL AND ("expires_at" IS NULL OR "expires_at" > now())`,
        [keyIds],
      ),
    );
    return new Set(rows.map((row) => row.key_id));
  }
}
