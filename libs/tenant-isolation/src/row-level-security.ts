import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CROSS_TENANT_PREFIX, SCOPE_SETTING, TENANT_SETTING } from './tenant-scope';

/** The name of the policy on every tenant table; a test finds the tables that lack it. */
export const TENANT_POLICY = 'tenant_isolation';

/**
 * Turns on row-level security for one tenant table: `FORCE` so that the owner is held to it too, and one policy
 * admitting the rows of the transaction's tenant (or every row in a cross-tenant scope, see `inCrossTenantScope`),
 * for reads and writes alike. A transaction that set neither sees no row and can write none. Every migration that
 * creates a table with a tenant column calls this for it.
 */
export async function enableTenantIsolation(
  queryRunner: QueryRunner,
  schema: string,
  table: string,
  tenantColumn = 'tenant_id',
): Promise<void> {
  const target = `"${schema}"."${table}"`;
  await queryRunner.query(`ALTER TABLE ${target} ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE ${target} FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(`
    CREATE POLICY "${TENANT_POLICY}" ON ${target}
    USING (
      "${tenantColumn}" = NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid
      OR current_setting('${SCOPE_SETTING}', true) LIKE '${CROSS_TENANT_PREFIX}%'
    )`);
}

async function disableTenantIsolation(queryRunner: QueryRunner, schema: string, table: string): Promise<void> {
  const target = `"${schema}"."${table}"`;
  await queryRunner.query(`DROP POLICY IF EXISTS "${TENANT_POLICY}" ON ${target}`);
  await queryRunner.query(`ALTER TABLE ${target} NO FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE ${target} DISABLE ROW LEVEL SECURITY`);
}

/**
 * The migration that put the tables a service already had behind row-level security: `tables` maps each tenant
 * table to its tenant column. The platform's own tables (outbox, inbox, deliveries, rate-limit counters) are not
 * a tenant's and stay outside: the relay publishes every tenant's events in one order.
 */
export function rowLevelSecurityMigration(
  schema: string,
  tables: Readonly<Record<string, string>>,
): new () => MigrationInterface {
  return class RowLevelSecurity1765267200000 implements MigrationInterface {
    name = 'RowLevelSecurity1765267200000';

    async up(queryRunner: QueryRunner): Promise<void> {
      for (const [table, column] of Object.entries(tables)) {
        await enableTenantIsolation(queryRunner, schema, table, column);
      }
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      for (const table of Object.keys(tables)) await disableTenantIsolation(queryRunner, schema, table);
    }
  };
}
