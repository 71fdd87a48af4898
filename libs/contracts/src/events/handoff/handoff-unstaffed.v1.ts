import { defineEvent } from '../../event-definition';
import { SLUG_SCHEMA } from '../vocabulary';

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
