import type { Admin } from 'kafkajs';
import { ensureTopics } from './ensure-topics';

describe('ensureTopics', () => {
  it('fails at once, naming the refusal, when the broker’s ACLs do not let the service create a topic', async () => {
    const refused = Object.assign(new Error('Topic creation errors'), {
      name: 'KafkaJSAggregateError',
      errors: [Object.assign(new Error('Not authorized to access topics'), { type: 'TOPIC_AUTHORIZATION_FAILED' })],
    });
    const admin = {
      listTopics: jest.fn().mockResolvedValue([]),
      createTopics: jest.fn().mockRejectedValue(refused),
    } as unknown as Admin;
    const started = Date.now();
    await expect(ensureTopics(admin, [{ topic: 'ns.bot.public.queue.left.v1', numPartitions: 1 }])).rejects.toThrow(
      /Kafka refused TOPIC_AUTHORIZATION_FAILED for ns\.bot\.public\.queue\.left\.v1: .*scripts\/kafka-acls\.ts/,
    );
    expect(admin.createTopics).toHaveBeenCalledTimes(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
