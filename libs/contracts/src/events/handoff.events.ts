import { defineEvent } from '../event-definition';
import { SLUG_SCHEMA } from './conversation.events';

export interface HandoffQueuedV1 {
  conversationId: string;
  team: string | null;
  skill: string | null;
  /** Agents available for it when queued. */
  availableAgents: number;
  queuedAt: string;
}

export const handoffQueuedV1 = defineEvent<HandoffQueuedV1>({
  type: 'handoff.conversation.queued',
  schemaVersion: 1,
  topic: 'handoff.public.conversation.queued.v1',
  owner: 'handoff',
  description: 'A conversation waits for a human: at least one agent of the team is available.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'team', 'skill', 'availableAgents', 'queuedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      team: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      skill: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      availableAgents: { type: 'integer', minimum: 1 },
      queuedAt: { type: 'string', format: 'date-time' },
    },
  },
});

export interface HandoffUnstaffedV1 {
  conversationId: string;
  team: string | null;
  skill: string | null;
  decidedAt: string;
}

export const handoffUnstaffedV1 = defineEvent<HandoffUnstaffedV1>({
  type: 'handoff.conversation.unstaffed',
  schemaVersion: 1,
  topic: 'handoff.public.conversation.unstaffed.v1',
  owner: 'handoff',
  description:
    'Nobody can take a conversation now: the bot offers a meeting or to leave a message instead, ' +
    'and the conversation stays with the bot.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'team', 'skill', 'decidedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      team: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      skill: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      decidedAt: { type: 'string', format: 'date-time' },
    },
  },
});

export interface HandoffQueueTimedOutV1 {
  conversationId: string;
  /** When the visitor was told they are in the queue. */
  waitingSince: string;
  timedOutAt: string;
}

export const handoffQueueTimedOutV1 = defineEvent<HandoffQueueTimedOutV1>({
  type: 'handoff.conversation.queue-timed-out',
  schemaVersion: 1,
  topic: 'handoff.public.conversation.queue-timed-out.v1',
  owner: 'handoff',
  description:
    'Nobody took a queued conversation within HANDOFF_QUEUE_TIMEOUT_MS. It stays in the queue: the bot tells ' +
    'the visitor so and offers a meeting or to leave a message, to keep waiting, or to go back to the bot. ' +
    'Announced once per wait.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'waitingSince', 'timedOutAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      waitingSince: { type: 'string', format: 'date-time' },
      timedOutAt: { type: 'string', format: 'date-time' },
    },
  },
});
