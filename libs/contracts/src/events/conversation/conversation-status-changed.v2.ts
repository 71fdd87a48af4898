import { defineEvent } from '../../event-definition';
import {
  CONVERSATION_STATUSES,
  type ConversationStatus,
  STATUS_CHANGE_REASONS,
  type StatusChangeReason,
} from '../vocabulary';

export interface ConversationStatusChangedV2 {
  conversationId: string;
  status: ConversationStatus;
  previousStatus: ConversationStatus;
  /** Queued for a person, an agent joined or left, the visitor stopped waiting, or closed. */
  reason: StatusChangeReason;
  changedAt: string;
}

export const conversationStatusChangedV2 = defineEvent<ConversationStatusChangedV2>({
  type: 'conversation.status.changed',
  schemaVersion: 2,
  topic: 'conversation.public.status.changed.v2',
  owner: 'conversation',
  description:
    'A conversation moved between the bot, waiting for a human, with a human, and closed. ' +
    'The bot is silent while a person holds it (`with_human`) and after it closed. ' +
    'v2: adds the reason `visitor_left_queue` (waiting for a human, back to the bot).',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'status', 'previousStatus', 'reason', 'changedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      status: { type: 'string', enum: [...CONVERSATION_STATUSES] },
      previousStatus: { type: 'string', enum: [...CONVERSATION_STATUSES] },
      reason: { type: 'string', enum: [...STATUS_CHANGE_REASONS] },
      changedAt: { type: 'string', format: 'date-time' },
    },
  },
});
