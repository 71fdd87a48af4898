import type { MigrationInterface, QueryRunner } from 'typeorm';

/** DDL of the `api_keys` table, shared by every service's first migration. */
export async function createApiKeysTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}"."api_keys" (
      "key_id" varchar(16) PRIMARY KEY,
      "tenant_id" uuid NOT NULL,
      "role" varchar(20) NOT NULL CHECK ("role" IN ('admin', 'agent', 'compliance', 'integrator')),
      "secret_hash" char(64) NOT NULL,
      "label" varchar(100),
      "created_at" timestamptz NOT NULL,
      "revoked_at" timestamptz
    )`);
  await queryRunner.query(`CREATE INDEX "api_keys_tenant" ON "${schema}"."api_keys" ("tenant_id")`);
}

/** Keys expire: every service's copy of a key carries its expiry. */
export function apiKeyExpiryMigration(schema: string): new () => MigrationInterface {
  return class ApiKeyExpiry1765180800005 implements MigrationInterface {
    name = 'ApiKeyExpiry1765180800005';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`ALTER TABLE "${schema}"."api_keys" ADD COLUMN "expires_at" timestamptz`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`ALTER TABLE "${schema}"."api_keys" DROP COLUMN "expires_at"`);
    }
  };
}

/**
 * Tenants this service was told are off-boarded (id and time only). Their key events may still arrive on
 * other topics, in any order: with this, a key issued before the off-boarding can never come back after it.
 */
export function offboardedTenantsMigration(schema: string): new () => MigrationInterface {
  return class OffboardedTenants1765180800002 implements MigrationInterface {
    name = 'OffboardedTenants1765180800002';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE "${schema}"."offboarded_tenants" (
          "tenant_id" uuid PRIMARY KEY,
          "offboarded_at" timestamptz NOT NULL
        )`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}"."offboarded_tenants"`);
    }
  };
}
