import type { Admin } from 'kafkajs';

import { EVENT_CATALOGUE, topicName } from '@candor/contracts';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  configEntries?: { name: string; value: string }[];
}

/** How a catalogue topic (or a dead-letter topic) is created on the wire. */
export function topicSpec(topic: string, namespace: string, numPartitions: number): TopicSpec {
  const definition = EVENT_CATALOGUE.find((candidate) => candidate.topic === topic);
  return {
    topic: topicName(topic, namespace),
    numPartitions,
    ...(definition?.retainForever ? { configEntries: [{ name: 'retention.ms', value: '-1' }] } : {}),
  };
}

const READY_WITHIN_MS = 30_000;

/**
 * Creates the topics that do not exist yet and returns once every partition of
 * every topic has a leader. Several services (or instances) may race to create
 * the same topic, and a broker that has just started answers metadata requests
 * for new topics with transient errors: both are retried until the deadline.
 */
export async function ensureTopics(admin: Admin, specs: TopicSpec[]): Promise<void> {
  const topics = specs.map((spec) => spec.topic);
  const deadline = Date.now() + READY_WITHIN_MS;
  let lastProblem: unknown;
  for (;;) {
    try {
      await createMissing(admin, specs);
      const leaderless = await topicsWithoutLeaders(admin, topics);
      if (leaderless.length === 0) return;
      lastProblem = new Error(`partitions without a leader in ${leaderless.join(', ')}`);
    } catch (error) {
      // Not transient: the broker's ACLs do not let this service's principal create or see these topics.
      const refused = authorizationFailure(error);
      if (refused) {
        throw new Error(
          `Kafka refused ${refused} for ${topics.join(', ')}: this service's principal has no ACL for them ` +
            "(scripts/kafka-acls.ts applies the services' ACLs)",
        );
      }
      lastProblem = error;
    }
    if (Date.now() > deadline) {
      const reason = lastProblem instanceof Error ? lastProblem.message : String(lastProblem);
      throw new Error(`Kafka topics not ready within ${READY_WITHIN_MS} ms: ${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function createMissing(admin: Admin, specs: TopicSpec[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return;
  // "Already exists" from a concurrent creator surfaces as an error here; the next round sees the topic.
  await admin.createTopics({
    waitForLeaders: false,
    topics: missing.map((spec) => ({
      topic: spec.topic,
      numPartitions: spec.numPartitions,
      configEntries: spec.configEntries,
    })),
  });
}

async function topicsWithoutLeaders(admin: Admin, topics: string[]): Promise<string[]> {
  const metadata = await admin.fetchTopicMetadata({ topics });
  return metadata.topics
    .filter((topic) => topic.partitions.length === 0 || topic.partitions.some((partition) => partition.leader < 0))
    .map((topic) => topic.name);
}

/** The authorization error kafkajs reports, directly or inside a `KafkaJSAggregateError` (topic creation). */
function authorizationFailure(error: unknown): string | undefined {
  const candidates = [error, ...((error as { errors?: unknown[] } | null)?.errors ?? [])];
  for (const candidate of candidates) {
    const type = (candidate as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.endsWith('_AUTHORIZATION_FAILED')) return type;
  }
  return undefined;
}
