import type { Admin } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

const LEADER_WAIT_MS = 30_000;

/**
 * Creates the topics that do not exist yet and returns once every partition of
 * every topic has a leader. Several services (or instances) may race to create
 * the same topic: whoever loses still waits for the leaders, since subscribing
 * to a topic whose partitions have none fails.
 */
export async function ensureTopics(admin: Admin, specs: TopicSpec[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length > 0) {
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.numPartitions })),
      });
    } catch (error) {
      // "Topic already exists" from a concurrent creator is fine; anything else is not.
      const now = new Set(await admin.listTopics());
      if (missing.some((spec) => !now.has(spec.topic))) throw error;
    }
  }
  await waitForLeaders(
    admin,
    specs.map((spec) => spec.topic),
  );
}

async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (;;) {
    const leaderless = await topicsWithoutLeaders(admin, topics);
    if (leaderless.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`Kafka topics have partitions without a leader: ${leaderless.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function topicsWithoutLeaders(admin: Admin, topics: string[]): Promise<string[]> {
  try {
    const metadata = await admin.fetchTopicMetadata({ topics });
    return metadata.topics
      .filter((topic) => topic.partitions.length === 0 || topic.partitions.some((partition) => partition.leader < 0))
      .map((topic) => topic.name);
  } catch {
    // Metadata for a topic being created can briefly be unavailable: ask again.
    return topics;
  }
}
