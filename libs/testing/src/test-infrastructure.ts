import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SCOPE_SETTING, crossTenantScope } from '@candor/tenant-isolation';

/**
 * The real Postgres and Kafka the integration tests use. `npm test` starts them (scripts/infra.sh) and exports
 * these variables: DATABASE_URL_<SERVICE> (e.g. DATABASE_URL_BOT_ENGINE) the role each service runs as, DATABASE_URL
 * the local key store's role (and every service's where it has none of its own), MIGRATIONS_DATABASE_URL
 * (optional, defaults to DATABASE_URL) the role that may create databases and owns them. With several roles, the
 * owner must be a member of each, so tests can end their sessions and read what the key store creates.
 */
export function testInfrastructure(): { databaseUrl: string; ownerDatabaseUrl: string; kafkaBrokers: string } {
  const databaseUrl = process.env.DATABASE_URL;
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !kafkaBrokers) {
    throw new Error(
      'Integration tests need DATABASE_URL and KAFKA_BROKERS: run them with `npm test`, ' +
        'or `bash scripts/infra.sh up && eval "$(bash scripts/infra.sh env)"` first.',
    );
  }
  return { databaseUrl, ownerDatabaseUrl: process.env.MIGRATIONS_DATABASE_URL || databaseUrl, kafkaBrokers };
}

export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/**
 * A fresh database per test suite, so suites can run in parallel without seeing each other. It is owned by the
 * owner role (which migrates it); each service runs as its own role (`urlFor`), the local key store as `url`'s.
 */
export class TestDatabase {
  private constructor(
    readonly name: string,
    /** The local key store's role (LOCAL_KEYSTORE_DATABASE_URL), and any service's that has none of its own. */
    readonly url: string,
    /** The owner's: what MIGRATIONS_DATABASE_URL of a service under test says. */
    readonly ownerUrl: string,
    private readonly adminUrl: string,
    private readonly roles: readonly string[],
  ) {}

  static async create(): Promise<TestDatabase> {
    const { databaseUrl, ownerDatabaseUrl } = testInfrastructure();
    const name = uniqueName('candor_test_');
    const [keystoreRole, ownerRole] = [roleIn(databaseUrl), roleIn(ownerDatabaseUrl)];
    const serviceRoles = Object.entries(process.env)
      .filter(([variable, value]) => SERVICE_URL_VARIABLE.test(variable) && value)
      .map(([, value]) => roleIn(value as string));
    await withClient(ownerDatabaseUrl, async (client) => {
      await client.query(`CREATE DATABASE "${name}"`);
      // The local key store creates a schema of its own, as its role.
      if (keystoreRole !== ownerRole) {
        await client.query(`GRANT CREATE ON DATABASE "${name}" TO "${keystoreRole.replace(/"/g, '""')}"`);
      }
    });
    return new TestDatabase(name, inDatabase(databaseUrl, name), inDatabase(ownerDatabaseUrl, name), ownerDatabaseUrl, [
      ...new Set([keystoreRole, ownerRole, ...serviceRoles]),
    ]);
  }

  /** Whether services run as a role other than the schemas' owner (false when only DATABASE_URL is set). */
  get separateRoles(): boolean {
    return this.roles.length > 1;
  }

  /**
   * What DATABASE_URL of a service under test says: the role of its own (DATABASE_URL_<SERVICE>, named after its
   * schema) in this database, or DATABASE_URL's where it has none.
   */
  urlFor(schema: string): string {
    return inDatabase(
      process.env[`DATABASE_URL_${schema.toUpperCase()}`] || testInfrastructure().databaseUrl,
      this.name,
    );
  }

  /**
   * Runs raw SQL as the owner, to inspect or tamper as an auditor or an attacker holding the DBA's credentials
   * would: across every tenant, as row-level security allows only an explicit cross-tenant scope.
   */
  query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return withClient(
      this.ownerUrl,
      async (client) => (await client.query(sql, parameters)).rows as T[],
      `-c ${SCOPE_SETTING}=${crossTenantScope('inspection')}`,
    );
  }

  /**
   * Runs raw SQL as the role of the service owning `schema`, as someone holding its credentials would: with no
   * tenant scope, so row-level security shows no tenant's rows unless the SQL scopes itself (`set_config` in a
   * transaction).
   */
  queryAsService<T = Record<string, unknown>>(schema: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
    return withClient(this.urlFor(schema), async (client) => (await client.query(sql, parameters)).rows as T[]);
  }

  /** A connection as the role of the service owning `schema`, for transactions that scope themselves. */
  withServiceClient<T>(schema: string, work: (client: Client) => Promise<T>): Promise<T> {
    return withClient(this.urlFor(schema), work);
  }

  /**
   * Drops the database. Not `WITH (FORCE)`: that also has to terminate an autovacuum worker busy in it,
   * which only a superuser may. Our own leftover sessions (either role's) are ended first; autovacuum yields
   * to a plain DROP by itself, and a session still closing gets a moment.
   */
  async drop(): Promise<void> {
    await withClient(this.adminUrl, async (client) => {
      for (let attempt = 1; ; attempt++) {
        await client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = $1 AND usename = ANY($2) AND pid <> pg_backend_pid()`,
          [this.name, this.roles],
        );
        try {
          await client.query(`DROP DATABASE IF EXISTS "${this.name}"`);
          return;
        } catch (error) {
          const stillInUse = (error as { code?: string }).code === '55006';
          if (!stillInUse || attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    });
  }
}

/** DATABASE_URL_CONVERSATION, DATABASE_URL_BOT_ENGINE, …: a service's own role (scripts/infra.sh env). */
const SERVICE_URL_VARIABLE = /^DATABASE_URL_[A-Z_]+$/;

/** The role a postgres:// URL logs in as. */
function roleIn(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

function inDatabase(url: string, name: string): string {
  const located = new URL(url);
  located.pathname = `/${name}`;
  return located.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>, options?: string): Promise<T> {
  const client = new Client({ connectionString: url, options });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
