import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The real Postgres and Kafka the integration tests use. `npm test` starts
 * them (scripts/infra.sh) and exports these variables.
 */
export function testInfrastructure(): { databaseUrl: string; kafkaBrokers: string } {
  const databaseUrl = process.env.DATABASE_URL;
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !kafkaBrokers) {
    throw new Error(
      'Integration tests need DATABASE_URL and KAFKA_BROKERS: run them with `npm test`, ' +
        'or `bash scripts/infra.sh up && eval "$(bash scripts/infra.sh env)"` first.',
    );
  }
  return { databaseUrl, kafkaBrokers };
}

export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/** A fresh database per test suite, so suites can run in parallel without seeing each other. */
export class TestDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly adminUrl: string,
  ) {}

  static async create(): Promise<TestDatabase> {
    const adminUrl = testInfrastructure().databaseUrl;
    const name = uniqueName('candor_test_');
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return new TestDatabase(name, url.toString(), adminUrl);
  }

  /** Runs raw SQL against this database (to inspect or tamper, as an attacker or auditor would). */
  query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return withClient(this.url, async (client) => (await client.query(sql, parameters)).rows as T[]);
  }

  /**
   * Drops the database. Not `WITH (FORCE)`: that also has to terminate an autovacuum worker busy in it,
   * which only a superuser may. Our own leftover sessions are ended first; autovacuum yields to a plain
   * DROP by itself, and a session still closing gets a moment.
   */
  async drop(): Promise<void> {
    await withClient(this.adminUrl, async (client) => {
      for (let attempt = 1; ; attempt++) {
        await client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
          [this.name],
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

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
