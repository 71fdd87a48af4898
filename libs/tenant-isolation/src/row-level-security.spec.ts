import type { QueryRunner } from 'typeorm';
import { TENANT_POLICY, rowLevelSecurityMigration } from './row-level-security';
import { CROSS_TENANT_PREFIX, crossTenantScope } from './tenant-scope';

/** Records the statements a migration runs: which statements, not what Postgres makes of them (the e2e suite). */
function recordingRunner(): { runner: QueryRunner; statements: string[] } {
  const statements: string[] = [];
  const runner = { query: async (sql: string) => void statements.push(sql.replace(/\s+/g, ' ').trim()) };
  return { runner: runner as unknown as QueryRunner, statements };
}

describe('row-level security migration', () => {
  it('forces one policy on each table, on its own tenant column, admitting only a scope with the cross-tenant prefix', async () => {
    const Migration = rowLevelSecurityMigration('shop', { orders: 'tenant_id', tenants: 'id' });
    const { runner, statements } = recordingRunner();
    await new Migration().up(runner);
    expect(statements.filter((sql) => sql.endsWith('ENABLE ROW LEVEL SECURITY'))).toEqual([
      'ALTER TABLE "shop"."orders" ENABLE ROW LEVEL SECURITY',
      'ALTER TABLE "shop"."tenants" ENABLE ROW LEVEL SECURITY',
    ]);
    expect(statements.filter((sql) => sql.endsWith('FORCE ROW LEVEL SECURITY'))).toHaveLength(2);
    const policies = statements.filter((sql) => sql.startsWith('CREATE POLICY'));
    expect(policies).toHaveLength(2);
    expect(policies[0]).toContain(`"${TENANT_POLICY}" ON "shop"."orders"`);
    expect(policies[0]).toContain(`"tenant_id" = NULLIF(current_setting('candor.tenant_id', true), '')::uuid`);
    expect(policies[1]).toContain(`"id" = NULLIF(`);
    expect(policies[0]).toContain(`LIKE '${CROSS_TENANT_PREFIX}%'`);
    expect(crossTenantScope('scheduled-sweep').startsWith(CROSS_TENANT_PREFIX)).toBe(true);
  });

  it('takes the policies away again on the way down', async () => {
    const Migration = rowLevelSecurityMigration('shop', { orders: 'tenant_id' });
    const { runner, statements } = recordingRunner();
    await new Migration().down(runner);
    expect(statements).toEqual([
      `DROP POLICY IF EXISTS "${TENANT_POLICY}" ON "shop"."orders"`,
      'ALTER TABLE "shop"."orders" NO FORCE ROW LEVEL SECURITY',
      'ALTER TABLE "shop"."orders" DISABLE ROW LEVEL SECURITY',
    ]);
  });
});
