import { envelopeSchema } from './envelope';
import { EVENT_CATALOGUE, deadLetterTopic } from './registry';

const SERVICES = ['conversation', 'bot-engine', 'handoff', 'consent-ledger', 'dsr'];

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
  for (const service of SERVICES) {
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
        'against these schemas when produced and when consumed. Fields marked x-personal-data carry personal data ' +
        'and are to be encrypted per data subject (not yet in this release). A deployment may prefix every topic with a namespace (KAFKA_NAMESPACE).',
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
