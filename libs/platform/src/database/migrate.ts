import { DataSource, type DataSourceOptions } from 'typeorm';
import { loadConfig } from '../config/load-config';

/** Arbitrary, stable key: only one process migrates a given database at a time. */
const MIGRATION_LOCK_KEY = 7_204_117;

/**
 * Creates the service's schema if needed and runs its pending migrations under
 * a Postgres advisory lock, so several instances starting together do not race.
 */
export async function migrateDatabase(options: DataSourceOptions): Promise<string[]> {
  const schema = (options as { schema?: string }).schema;
  const dataSource = new DataSource({ ...options, migrationsRun: false });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    if (schema) {
      await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/**
 * Entry point of a service's `migrate` target: applies pending migrations and
 * exits, so operators can migrate ahead of a rollout with RUN_MIGRATIONS=false.
 */
export async function runMigrationCommand<TConfig extends object>(
  configClass: new () => TConfig,
  optionsFor: (config: TConfig) => DataSourceOptions,
): Promise<void> {
  try {
    const applied = await migrateDatabase(optionsFor(loadConfig(configClass)));
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations\n');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
