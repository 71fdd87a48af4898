import { defineEvent } from '../event-definition';

export const SENDER_KINDS = ['visitor', 'bot', 'agent', 'system'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export interface ConversationStartedV1 {
  conversationId: string;
  visitorId: string;
  locale: string | null;
  privacyNoticeVersion: string;
  startedAt: string;
}

export const conversationStartedV1 = defineEvent<ConversationStartedV1>({
  type: 'conversation.conversation.started',
  schemaVersion: 1,
  topic: 'conversation.public.conversation.started.v1',
  owner: 'conversation',
  description: 'A visitor started a conversation and was shown the privacy notice.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'visitorId', 'locale', 'privacyNoticeVersion', 'startedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      visitorId: { type: 'string', format: 'uuid' },
      locale: { type: ['string', 'null'], pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
      privacyNoticeVersion: { type: 'string', minLength: 1, maxLength: 40 },
      startedAt: { type: 'string', format: 'date-time' },
    },
  },
});

export interface MessagePostedV1 {
  conversationId: string;
  messageId: string;
  /** Position of the message in its conversation, from 1. */
  sequence: number;
  senderKind: SenderKind;
  automated: boolean;
  text: string;
  postedAt: string;
}

export const messagePostedV1 = defineEvent<MessagePostedV1>({
  type: 'conversation.message.posted',
  schemaVersion: 1,
  topic: 'conversation.public.message.posted.v1',
  owner: 'conversation',
  description: 'A message was stored in a conversation (by a visitor, the bot, an agent or the system).',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'messageId', 'sequence', 'senderKind', 'automated', 'text', 'postedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      messageId: { type: 'string', format: 'uuid' },
      sequence: { type: 'integer', minimum: 1 },
      senderKind: { type: 'string', enum: [...SENDER_KINDS] },
      automated: { type: 'boolean' },
      text: { type: 'string', minLength: 1, maxLength: 4000, 'x-personal-data': true },
      postedAt: { type: 'string', format: 'date-time' },
    },
  },
});
