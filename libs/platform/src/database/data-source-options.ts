import type { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDatabaseSettings {
  url: string;
  /** The Postgres schema this service owns; nothing else writes to it. */
  schema: string;
  // TypeORM's own parameter types.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize: number;
  applicationName: string;
}

/** One place that says how a service talks to Postgres: its schema, never `synchronize`. */
export function serviceDataSourceOptions(settings: ServiceDatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    poolSize: settings.poolSize,
    applicationName: settings.applicationName,
    extra: { statement_timeout: 15_000, idle_in_transaction_session_timeout: 30_000 },
  };
}
