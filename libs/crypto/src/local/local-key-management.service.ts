import { randomBytes } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import {
  type DataKey,
  KeyDestroyedError,
  type KeyManagementHealth,
  type KeyManagementService,
  KeyServiceUnavailableError,
} from '../key-management';
import { openAesGcm, sealAesGcm } from '../aes-gcm';

export interface LocalKeyManagementSettings {
  /** 32-byte master key: wraps every tenant key version. Keep it out of the database and its backups. */
  masterKey: Buffer;
  /** Postgres holding the key store (schema `keystore`), shared by the services of one deployment. */
  databaseUrl: string;
  poolSize?: number;
}

const SCHEMA_LOCK_KEY = 7_204_118;

/**
 * The key-management contract without Vault: tenant key versions are random
 * 256-bit keys kept wrapped by a master key (from a file or the environment),
 * and subjects' wrapped data keys live in a `keystore` schema. Destroying a
 * tenant key or raising its minimum version deletes the key versions
 * themselves, so what they wrapped is unreadable even with the master key.
 */
export class LocalKeyManagementService implements KeyManagementService {
  readonly provider = 'local' as const;
  private readonly pool: Pool;
  private ready: Promise<void> | undefined;

  constructor(private readonly settings: LocalKeyManagementSettings) {
    if (settings.masterKey.length !== 32) throw new Error('The local master key must be 32 bytes');
    this.pool = new Pool({ connectionString: settings.databaseUrl, max: settings.poolSize ?? 4 });
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  async ensureTenantKey(tenantId: string): Promise<void> {
    await this.inTransaction(async (client) => {
      const inserted = await client.query(
        `INSERT INTO keystore.tenant_keys (tenant_id, latest_version, min_decryption_version)
         VALUES ($1, 1, 1) ON CONFLICT DO NOTHING RETURNING tenant_id`,
        [tenantId],
      );
      if (inserted.rowCount === 1) await this.addVersion(client, tenantId, 1);
    });
  }

  async generateDataKey(tenantId: string): Promise<DataKey> {
    const plaintext = randomBytes(32);
    const { version, key } = await this.latestKek(tenantId);
    return { plaintext, wrapped: wrap(key, tenantId, version, plaintext) };
  }

  async unwrapDataKey(tenantId: string, wrapped: string): Promise<Buffer> {
    const { version } = parseWrapped(wrapped);
    return unwrap(await this.kekVersion(tenantId, version), tenantId, wrapped);
  }

  async rewrapDataKey(tenantId: string, wrapped: string): Promise<string> {
    const dataKey = await this.unwrapDataKey(tenantId, wrapped);
    const { version, key } = await this.latestKek(tenantId);
    return wrap(key, tenantId, version, dataKey);
  }

  async rotateTenantKey(tenantId: string): Promise<number> {
    return this.inTransaction(async (client) => {
      const { rows } = await client.query(
        `UPDATE keystore.tenant_keys SET latest_version = latest_version + 1
         WHERE tenant_id = $1 RETURNING latest_version`,
        [tenantId],
      );
      if (rows.length === 0) throw new KeyDestroyedError('No key for this tenant');
      await this.addVersion(client, tenantId, rows[0].latest_version);
      return rows[0].latest_version as number;
    });
  }

  async describeTenantKey(tenantId: string) {
    const { rows } = await this.query(
      'SELECT latest_version, min_decryption_version FROM keystore.tenant_keys WHERE tenant_id = $1',
      [tenantId],
    );
    if (rows.length === 0) throw new KeyDestroyedError('No key for this tenant');
    return { latestVersion: rows[0].latest_version, minDecryptionVersion: rows[0].min_decryption_version };
  }

  async setMinDecryptionVersion(tenantId: string, version: number): Promise<void> {
    await this.inTransaction(async (client) => {
      const { rows } = await client.query(
        `UPDATE keystore.tenant_keys SET min_decryption_version = $2
         WHERE tenant_id = $1 AND $2 BETWEEN min_decryption_version AND latest_version RETURNING tenant_id`,
        [tenantId, version],
      );
      if (rows.length === 0) throw new Error('The version must lie between the current minimum and the latest');
      await client.query('DELETE FROM keystore.tenant_key_versions WHERE tenant_id = $1 AND version < $2', [
        tenantId,
        version,
      ]);
    });
  }

  async destroyTenantKey(tenantId: string): Promise<void> {
    await this.query(
      `WITH versions AS (DELETE FROM keystore.tenant_key_versions WHERE tenant_id = $1)
       DELETE FROM keystore.tenant_keys WHERE tenant_id = $1`,
      [tenantId],
    );
  }

  async putSubjectKey(tenantId: string, subjectId: string, wrapped: string): Promise<string> {
    const { rows } = await this.query(
      `INSERT INTO keystore.subject_keys (tenant_id, subject_id, wrapped) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, subject_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id
       RETURNING wrapped`,
      [tenantId, subjectId, wrapped],
    );
    return rows[0].wrapped;
  }

  async getSubjectKey(tenantId: string, subjectId: string): Promise<string | undefined> {
    const { rows } = await this.query(
      'SELECT wrapped FROM keystore.subject_keys WHERE tenant_id = $1 AND subject_id = $2',
      [tenantId, subjectId],
    );
    return rows[0]?.wrapped;
  }

  async replaceSubjectKey(tenantId: string, subjectId: string, wrapped: string): Promise<void> {
    await this.query('UPDATE keystore.subject_keys SET wrapped = $3 WHERE tenant_id = $1 AND subject_id = $2', [
      tenantId,
      subjectId,
      wrapped,
    ]);
  }

  async listSubjectIds(tenantId: string): Promise<string[]> {
    const { rows } = await this.query('SELECT subject_id FROM keystore.subject_keys WHERE tenant_id = $1', [tenantId]);
    return rows.map((row) => row.subject_id as string);
  }

  async destroySubjectKey(tenantId: string, subjectId: string): Promise<void> {
    await this.query('DELETE FROM keystore.subject_keys WHERE tenant_id = $1 AND subject_id = $2', [
      tenantId,
      subjectId,
    ]);
  }

  async health(): Promise<KeyManagementHealth> {
    try {
      await this.query('SELECT 1 FROM keystore.tenant_keys LIMIT 1');
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : 'unavailable' };
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async latestKek(tenantId: string): Promise<{ version: number; key: Buffer }> {
    const { rows } = await this.query(
      `SELECT v.version, v.wrapped_kek FROM keystore.tenant_keys k
       JOIN keystore.tenant_key_versions v ON v.tenant_id = k.tenant_id AND v.version = k.latest_version
       WHERE k.tenant_id = $1`,
      [tenantId],
    );
    if (rows.length === 0) throw new KeyDestroyedError('No key for this tenant');
    return { version: rows[0].version, key: this.unwrapKek(tenantId, rows[0].version, rows[0].wrapped_kek) };
  }

  private async kekVersion(tenantId: string, version: number): Promise<Buffer> {
    const { rows } = await this.query(
      'SELECT wrapped_kek FROM keystore.tenant_key_versions WHERE tenant_id = $1 AND version = $2',
      [tenantId, version],
    );
    if (rows.length === 0) throw new KeyDestroyedError('The tenant key version is destroyed or below the minimum');
    return this.unwrapKek(tenantId, version, rows[0].wrapped_kek);
  }

  private async addVersion(client: PoolClient, tenantId: string, version: number): Promise<void> {
    const sealed = sealAesGcm(this.settings.masterKey, randomBytes(32), kekContext(tenantId, version));
    await client.query(
      'INSERT INTO keystore.tenant_key_versions (tenant_id, version, wrapped_kek) VALUES ($1, $2, $3)',
      [tenantId, version, sealed],
    );
  }

  private unwrapKek(tenantId: string, version: number, sealed: Buffer): Buffer {
    return openAesGcm(this.settings.masterKey, sealed, kekContext(tenantId, version));
  }

  private async query(sql: string, parameters: unknown[] = []) {
    return this.withClient((client) => client.query(sql, parameters));
  }

  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    await (this.ready ??= this.createSchema().catch((error) => {
      this.ready = undefined;
      throw error;
    }));
    const client = await this.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  private async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch {
      throw new KeyServiceUnavailableError('The local key store cannot be reached');
    }
  }

  private inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    });
  }

  private async createSchema(): Promise<void> {
    const client = await this.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
      await client.query(`
        CREATE SCHEMA IF NOT EXISTS keystore;
        CREATE TABLE IF NOT EXISTS keystore.tenant_keys (
          tenant_id uuid PRIMARY KEY,
          latest_version integer NOT NULL,
          min_decryption_version integer NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS keystore.tenant_key_versions (
          tenant_id uuid NOT NULL,
          version integer NOT NULL,
          wrapped_kek bytea NOT NULL,
          PRIMARY KEY (tenant_id, version)
        );
        CREATE TABLE IF NOT EXISTS keystore.subject_keys (
          tenant_id uuid NOT NULL,
          subject_id varchar(64) NOT NULL,
          wrapped text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant_id, subject_id)
        );`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  }
}

const WRAPPED_PATTERN = /^local:v(\d+):([A-Za-z0-9_-]+)$/;

function parseWrapped(wrapped: string): { version: number; sealed: Buffer } {
  const match = WRAPPED_PATTERN.exec(wrapped);
  if (!match) throw new Error('Not a locally wrapped data key');
  return { version: Number(match[1]), sealed: Buffer.from(match[2], 'base64url') };
}

function wrap(kek: Buffer, tenantId: string, version: number, dataKey: Buffer): string {
  return `local:v${version}:${sealAesGcm(kek, dataKey, dekContext(tenantId, version)).toString('base64url')}`;
}

function unwrap(kek: Buffer, tenantId: string, wrapped: string): Buffer {
  const { version, sealed } = parseWrapped(wrapped);
  return openAesGcm(kek, sealed, dekContext(tenantId, version));
}

function kekContext(tenantId: string, version: number): Buffer {
  return Buffer.from(`candor-kek|${tenantId}|${version}`);
}

function dekContext(tenantId: string, version: number): Buffer {
  return Buffer.from(`candor-dek|${tenantId}|${version}`);
}
