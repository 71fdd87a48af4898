import { defineEvent } from '../../event-definition';
import {
  CIPHERTEXT_SCHEMA,
  CONVERSATION_STATUSES,
  type ConversationStatus,
  GUARD_OUTCOMES,
  type GuardVerdict,
  SENDER_KINDS,
  SLUG_SCHEMA,
  type SenderKind,
} from '../vocabulary';

export interface MessagePostedV3 {
  conversationId: string;
  messageId: string;
  /** Position of the message in its conversation, from 1. */
  sequence: number;
  senderKind: SenderKind;
  automated: boolean;
  /** The text as stored (after the guard), encrypted under the visitor's key with `messageTextScope`. */
  encryptedText: string;
  /** The quick reply the visitor pressed, or null for typed text and non-visitor messages. */
  quickReplyId: string | null;
  /** The guard's verdict on a visitor message; null for bot, agent and system messages. */
  guard: GuardVerdict | null;
  /** Who held the conversation when the message was stored: the bot answers only what was written to it. */
  conversationStatus: ConversationStatus;
  postedAt: string;
}

export const messagePostedV3 = defineEvent<MessagePostedV3>({
  type: 'conversation.message.posted',
  schemaVersion: 3,
  topic: 'conversation.public.message.posted.v3',
  owner: 'conversation',
  description:
    'A message was stored in a conversation (by a visitor, the bot, an agent or the system). ' +
    "v3: adds the pressed quick reply, the sensitive-data guard's verdict and who held the conversation; " +
    'the text is encrypted as in v2.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'conversationId',
      'messageId',
      'sequence',
      'senderKind',
      'automated',
      'encryptedText',
      'quickReplyId',
      'guard',
      'conversationStatus',
      'postedAt',
    ],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      messageId: { type: 'string', format: 'uuid' },
      sequence: { type: 'integer', minimum: 1 },
      senderKind: { type: 'string', enum: [...SENDER_KINDS] },
      automated: { type: 'boolean' },
      encryptedText: CIPHERTEXT_SCHEMA,
      quickReplyId: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      guard: {
        anyOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['outcome', 'categories'],
            properties: {
              outcome: { type: 'string', enum: [...GUARD_OUTCOMES] },
              categories: { type: 'array', maxItems: 32, uniqueItems: true, items: SLUG_SCHEMA },
            },
          },
          { type: 'null' },
        ],
      },
      conversationStatus: { type: 'string', enum: [...CONVERSATION_STATUSES] },
      postedAt: { type: 'string', format: 'date-time' },
    },
  },
});
