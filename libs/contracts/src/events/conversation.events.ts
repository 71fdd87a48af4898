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

/** A Candor field ciphertext (see libs/crypto field-cipher): `cnd1.<subjectId>.<keyVersion>.<sealed>`. */
export const CIPHERTEXT_SCHEMA = {
  type: 'string',
  pattern: '^cnd1\\.[0-9a-f-]{36}\\.[0-9]+\\.[A-Za-z0-9_-]+$',
  maxLength: 12_000,
  'x-personal-data': true,
} as const;

/**
 * How a message's text is bound when encrypted under its subject's key: the
 * same scope in the database and on Kafka, whoever wrote it (visitor, bot, agent).
 */
export function messageTextScope(tenantId: string, subjectId: string, messageId: string) {
  return { tenantId, subjectId, record: `message:${messageId}`, field: 'text' };
}

export interface MessagePostedV2 {
  conversationId: string;
  messageId: string;
  /** Position of the message in its conversation, from 1. */
  sequence: number;
  senderKind: SenderKind;
  automated: boolean;
  /** The text, encrypted under the visitor's (the subject's) key with `messageTextScope`. */
  encryptedText: string;
  postedAt: string;
}

export const messagePostedV2 = defineEvent<MessagePostedV2>({
  type: 'conversation.message.posted',
  schemaVersion: 2,
  topic: 'conversation.public.message.posted.v2',
  owner: 'conversation',
  description:
    'A message was stored in a conversation (by a visitor, the bot, an agent or the system). ' +
    'v2: the text travels encrypted under the subject key.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'messageId', 'sequence', 'senderKind', 'automated', 'encryptedText', 'postedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      messageId: { type: 'string', format: 'uuid' },
      sequence: { type: 'integer', minimum: 1 },
      senderKind: { type: 'string', enum: [...SENDER_KINDS] },
      automated: { type: 'boolean' },
      encryptedText: CIPHERTEXT_SCHEMA,
      postedAt: { type: 'string', format: 'date-time' },
    },
  },
});
