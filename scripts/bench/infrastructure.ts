/**
 * The benchmark's own corner of the shared Kafka: a topic namespace per run, removed at the end.
 * (Its database is a fresh `TestDatabase` of libs/testing: owned by the owner role, used by the services' role.)
 */
import { Kafka, logLevel } from 'kafkajs';

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
