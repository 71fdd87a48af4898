import { randomBytes } from 'node:crypto';
import { type Admin, Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { testInfrastructure } from './test-infrastructure';

/** A plain Kafka client, outside Candor, to plant raw records and read topics byte for byte. */
export class RawKafka {
  private readonly kafka = new Kafka({
    clientId: 'candor-tests',
    brokers: testInfrastructure().kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  private readonly producer = this.kafka.producer({ allowAutoTopicCreation: false });
  private admin: Admin | undefined;

  async connect(): Promise<this> {
    await this.producer.connect();
    this.admin = this.kafka.admin();
    await this.admin.connect();
    return this;
  }

  async produce(topic: string, messages: { key: string; value: Buffer | string; partition?: number }[]): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages });
  }

  /** Every record of a topic from the beginning, read by a throwaway consumer group. */
  async readAll(topic: string, { settleMs = 500 } = {}): Promise<KafkaMessage[]> {
    const offsets = await this.admin!.fetchTopicOffsets(topic);
    const expected = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    const records: KafkaMessage[] = [];
    if (expected === 0) return records;
    const consumer = this.kafka.consumer({ groupId: `candor-tests-${randomBytes(4).toString('hex')}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, 15_000 + settleMs);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            records.push(message);
            if (records.length >= expected) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
    return records;
  }

  async listTopics(prefix: string): Promise<string[]> {
    return (await this.admin!.listTopics()).filter((topic) => topic.startsWith(prefix));
  }

  /** Deletes every topic whose name starts with `prefix` (a test's namespace), so runs leave nothing behind. */
  async deleteTopicsWithPrefix(prefix: string): Promise<void> {
    const topics = (await this.admin!.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await this.admin!.deleteTopics({ topics });
  }

  /** Rewinds a (stopped) consumer group to the start of the given topics. */
  async resetGroupToEarliest(groupId: string, topics: string[]): Promise<void> {
    for (const topic of topics) {
      await this.admin!.resetOffsets({ groupId, topic, earliest: true });
    }
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
    await this.admin?.disconnect();
  }
}
