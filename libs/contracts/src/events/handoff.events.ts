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
