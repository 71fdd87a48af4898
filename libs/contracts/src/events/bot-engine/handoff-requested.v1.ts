import { defineEvent } from '../../event-definition';
import { HANDOFF_REASONS, type HandoffReason, SLUG_SCHEMA } from '../vocabulary';

export interface HandoffRequestedV1 {
  conversationId: string;
  team: string | null;
  skill: string | null;
  reason: HandoffReason;
  requestedAt: string;
}

export const handoffRequestedV1 = defineEvent<HandoffRequestedV1>({
  type: 'bot.handoff.requested',
  schemaVersion: 1,
  topic: 'bot.public.handoff.requested.v1',
  owner: 'bot-engine',
  description:
    'The bot asks for a human to take over a conversation (the visitor asked, the playbook says so, the bot ' +
    'could not understand, or sensitive data needs a trained team). The handoff service queues it or says ' +
    'nobody is available.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'team', 'skill', 'reason', 'requestedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      team: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      skill: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      reason: { type: 'string', enum: [...HANDOFF_REASONS] },
      requestedAt: { type: 'string', format: 'date-time' },
    },
  },
});
