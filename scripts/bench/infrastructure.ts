/**
 * The benchmark's own corner of the shared Postgres and Kafka: a fresh
 * database and a topic namespace per run, both removed at the end.
 */
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

/** A database created for this run on the DATABASE_URL server. */
export class BenchDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly adminUrl: string,
  ) {}

  static async create(adminUrl: string, name: string): Promise<BenchDatabase> {
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return new BenchDatabase(name, url.toString(), adminUrl);
  }

  async drop(): Promise<void> {
    // FORCE ends connections a killed child may have left behind.
    await withClient(this.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`));
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function benchKafka(brokers: string[], clientId: string): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, retry: { retries: 5 } });
}

/** Deletes every topic and consumer group of this run's namespace (`<namespace>.…`). */
export async function deleteNamespace(
  brokers: string[],
  namespace: string,
): Promise<{ topics: number; groups: number }> {
  const admin = benchKafka(brokers, `${namespace}-cleanup`).admin();
  await admin.connect();
  try {
    const prefix = `${namespace}.`;
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    const groups = (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((groupId) => groupId.startsWith(prefix));
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
    if (topics.length) await admin.deleteTopics({ topics, timeout: 15_000 });
    return { topics: topics.length, groups: groups.length };
  } finally {
    await admin.disconnect();
  }
}
