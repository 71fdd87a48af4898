/**
 * The benchmark's own corner of the shared Kafka: a topic namespace per run, removed at the end.
 * (Its database is a fresh `TestDatabase` of libs/testing: owned by the owner role, used by the services' role.)
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaConnectionOptions, kafkaSecurityFromEnvironment } from '../../libs/messaging/src/kafka/kafka-security';
import { kafkaEnvironmentOf, kafkaRequiresLogin } from '../../libs/testing/src/kafka-principals';

const ROOT = resolve(__dirname, '..', '..');

/** The benchmark's own client (raw floor, clean-up): it logs in as the admin, as the tests' raw client does. */
export function benchKafka(brokers: string[], clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 5 },
    ...kafkaConnectionOptions(kafkaSecurityFromEnvironment(kafkaEnvironmentOf('admin'))),
  });
}

/**
 * Grants (`apply`) or removes the services' ACLs of this run's namespace with scripts/kafka-acls.ts, as the admin
 * (each service logs in as itself, see services.ts); nothing to do when the brokers ask for no login.
 */
export function namespaceAcls(action: 'apply' | 'remove', namespace: string): void {
  if (!kafkaRequiresLogin()) return;
  const script = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/kafka-acls.ts'];
  execFileSync(process.execPath, [...script, action, '--namespace', namespace], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Deletes every topic and consumer group of this run's namespace (`<namespace>.…`), and its ACLs. */
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
    namespaceAcls('remove', namespace);
  }
}
