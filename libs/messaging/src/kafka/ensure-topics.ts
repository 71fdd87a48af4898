import type { Admin } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/** Creates the topics that do not exist yet; existing topics are left as they are. */
export async function ensureTopics(admin: Admin, specs: TopicSpec[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) {
    return;
  }
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.numPartitions })),
    });
  } catch (error) {
    // Another service instance may have created the same topic concurrently.
    const stillMissing = missing.filter((spec) => !existing.has(spec.topic));
    const now = new Set(await admin.listTopics());
    if (stillMissing.some((spec) => !now.has(spec.topic))) {
      throw error;
    }
  }
}
