import { CANDOR_SERVICES, CONSUMED_TOPICS } from './consumers';
import { envelopeSchema } from './envelope';
import { EVENT_CATALOGUE, deadLetterTopic } from './registry';

function channelId(topic: string): string {
  return topic.replace(/[^a-zA-Z0-9]+/g, '_');
}

function messageId(type: string, version: number): string {
  return `${type.replace(/[^a-zA-Z0-9]+/g, '_')}_v${version}`;
}

/**
 * The AsyncAPI 3.0 description of every Candor event, built from the contract
 * catalogue itself so the published document cannot drift from the code.
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const definition of EVENT_CATALOGUE) {
    const channel = channelId(definition.topic);
    const message = messageId(definition.type, definition.schemaVersion);
    messages[message] = {
      name: definition.type,
      title: `${definition.type} v${definition.schemaVersion}`,
      summary: definition.description,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/KafkaHeaders' },
      bindings: { kafka: { key: { type: 'string', description: 'Ordering key: never personal data' } } },
      payload: {
        allOf: [
          { $ref: '#/components/schemas/EventEnvelope' },
          {
            type: 'object',
            properties: {
              type: { const: definition.type },
              schemaVersion: { const: definition.schemaVersion },
              payload: definition.payloadSchema,
            },
          },
        ],
      },
    };
    channels[channel] = {
      address: definition.topic,
      description: `${definition.description} Produced by ${definition.owner}.`,
      messages: { [message]: { $ref: `#/components/messages/${message}` } },
    };
    operations[`publish_${channel}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channel}` },
      summary: `${definition.owner} publishes ${definition.type} v${definition.schemaVersion} (through its outbox).`,
    };
  }
  for (const service of CANDOR_SERVICES) {
    for (const topic of CONSUMED_TOPICS[service]) {
      const definition = EVENT_CATALOGUE.find((candidate) => candidate.topic === topic);
      if (!definition) continue;
      operations[`${channelId(service)}_receives_${channelId(topic)}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${channelId(topic)}` },
        summary: `${service} consumes ${definition.type} v${definition.schemaVersion} (once, through its inbox).`,
      };
    }
    const topic = deadLetterTopic(service);
    channels[channelId(topic)] = {
      address: topic,
      description:
        `Events ${service} could not decode, validate or handle after its retries, byte for byte, with ` +
        'dead-letter-reason, dead-letter-detail, dead-letter-attempts and original-topic/partition/offset headers.',
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Candor events',
      version: '1',
      description:
        'Events between Candor services on Kafka. Every event travels in one envelope; payloads are validated ' +
        'against these schemas when produced and when consumed. Fields marked x-personal-data carry personal data, ' +
        'encrypted per data subject before they are produced. A deployment may prefix every topic with a namespace ' +
        '(KAFKA_NAMESPACE).',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      messages,
      schemas: {
        EventEnvelope: { ...envelopeSchema, $id: undefined },
        KafkaHeaders: {
          type: 'object',
          description: 'Ids and types only: headers never carry personal data.',
          properties: {
            'event-id': { type: 'string', format: 'uuid' },
            'event-type': { type: 'string' },
            'schema-version': { type: 'string' },
            'tenant-id': { type: 'string', format: 'uuid' },
          },
        },
      },
    },
  };
}
