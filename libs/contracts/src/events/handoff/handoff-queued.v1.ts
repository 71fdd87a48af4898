import { defineEvent } from '../../event-definition';
import { SLUG_SCHEMA } from '../vocabulary';

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
