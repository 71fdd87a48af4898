import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { SCOPE_SETTING, crossTenantScope } from '@candor/tenant-isolation';
import type { BaseServiceConfig } from '../config/base-service.config';
import { loadConfig } from '../config/load-config';

/** Arbitrary, stable key: only one process migrates a given database at a time. */
const MIGRATION_LOCK_KEY = 7_204_117;

/** The table privileges a service's role may be given; never TRUNCATE, REFERENCES or TRIGGER. */
const DATA_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

/**
 * Creates the service's schema if needed and runs its pending migrations under a Postgres advisory lock, so
 * several instances starting together do not race. With `migrationsUrl` (the schema owner's credentials) the
 * migrations run as the owner, and the role of the options' own URL (the one the service runs as) is then
 * granted what it needs on the schema, and no more.
 */
export async function migrateDatabase(options: DataSourceOptions, migrationsUrl?: string): Promise<string[]> {
  // Candor's services all talk to Postgres.
  const postgres = options as PostgresConnectionOptions;
  const { schema, url: runtimeUrl } = postgres;
  const dataSource = new DataSource({
    ...postgres,
    url: migrationsUrl || runtimeUrl,
    migrationsRun: false,
    // Row-level security holds the owner too: a data migration must see every tenant's rows.
    extra: { ...postgres.extra, options: `-c ${SCOPE_SETTING}=${crossTenantScope('migration')}` },
  });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    if (schema) {
      await lock.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (schema && migrationsUrl && runtimeUrl && migrationsUrl !== runtimeUrl) {
      await grantServiceRole(lock, schema, await roleOf(runtimeUrl), options.migrationsTableName ?? 'migrations');
    }
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/**
 * Gives the service's role, on every table of its schema, the data privileges the owner kept for itself: a
 * migration that revokes UPDATE and DELETE from its own role (an append-only table) thereby withholds them from
 * the service too. The migrations table stays the owner's. All in one transaction, so a running instance never
 * sees a table without its grants.
 */
async function grantServiceRole(runner: QueryRunner, schema: string, role: string, migrationsTable: string) {
  const [{ owner }]: { owner: string }[] = await runner.query('SELECT current_user AS "owner"');
  if (owner === role) return;
  const tables: ({ name: string } & Record<(typeof DATA_PRIVILEGES)[number], boolean>)[] = await runner.query(
    `SELECT c."relname" AS "name", ${DATA_PRIVILEGES.map((privilege) => `has_table_privilege(c."oid", '${privilege}') AS "${privilege}"`).join(', ')}
     FROM "pg_class" c JOIN "pg_namespace" n ON n."oid" = c."relnamespace"
     WHERE n."nspname" = $1 AND c."relkind" IN ('r', 'p', 'v', 'm')`,
    [schema],
  );
  const [s, r] = [quoteIdentifier(schema), quoteIdentifier(role)];
  await runner.startTransaction();
  try {
    await runner.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
    for (const table of tables) {
      const target = `${s}.${quoteIdentifier(table.name)}`;
      await runner.query(`REVOKE ALL ON ${target} FROM ${r}`);
      const kept = table.name === migrationsTable ? [] : DATA_PRIVILEGES.filter((privilege) => table[privilege]);
      if (kept.length > 0) await runner.query(`GRANT ${kept.join(', ')} ON ${target} TO ${r}`);
    }
    await runner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}

/** The role a URL logs in as, asked of the database (the URL may name none and rely on defaults). */
async function roleOf(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ role: string }>('SELECT current_user AS "role"')).rows[0].role;
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Entry point of a service's `migrate` target: applies pending migrations (as MIGRATIONS_DATABASE_URL's role when
 * set) and exits, so operators can migrate ahead of a rollout with RUN_MIGRATIONS=false.
 */
export async function runMigrationCommand<TConfig extends BaseServiceConfig>(
  configClass: new () => TConfig,
  optionsFor: (config: TConfig) => DataSourceOptions,
): Promise<void> {
  try {
    const config = loadConfig(configClass);
    const applied = await migrateDatabase(optionsFor(config), config.MIGRATIONS_DATABASE_URL);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations\n');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
