import { randomBytes } from 'node:crypto';
import { type Admin, Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import {
  applyServiceAcls,
  kafkaConnectionOptions,
  kafkaSecurityFromEnvironment,
  removeServiceAcls,
} from '@candor/messaging';
import { kafkaEnvironmentOf, kafkaRequiresLogin, kafkaUsername } from './kafka-principals';
import { testInfrastructure } from './test-infrastructure';

/** The kafkajs `ssl`/`sasl` options of a principal of the test infrastructure (a service's name, or `admin`). */
export function kafkaConnectionOf(principal: string) {
  return kafkaConnectionOptions(kafkaSecurityFromEnvironment(kafkaEnvironmentOf(principal)));
}

/**
 * A plain Kafka client, outside Candor, to plant raw records and read topics byte for byte. It logs in as the
 * admin (a super user: no ACL applies to it), as an operator's tool would.
 */
export class RawKafka {
  private readonly kafka = new Kafka({
    clientId: 'candor-tests',
    brokers: testInfrastructure().kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
    ...kafkaConnectionOf('admin'),
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

  /**
   * Grants the services their topics and consumer groups in a namespace (see kafka-acls in libs/messaging), as the
   * admin; nothing to do when the brokers ask for no login (no authorizer). Returns how many ACLs it created.
   */
  async applyServiceAcls(namespace: string): Promise<number> {
    if (!kafkaRequiresLogin()) return 0;
    return (await applyServiceAcls(this.admin!, namespace, (service) => `User:${kafkaUsername(service)}`)).length;
  }

  /** Removes what `applyServiceAcls` granted in a namespace. */
  async removeServiceAcls(namespace: string): Promise<void> {
    if (!kafkaRequiresLogin()) return;
    await removeServiceAcls(this.admin!, namespace, (service) => `User:${kafkaUsername(service)}`);
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
    await this.admin?.disconnect();
  }
}
