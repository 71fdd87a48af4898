import { defineEvent } from '../event-definition';
import { CIPHERTEXT_SCHEMA } from './conversation.events';

export interface BotReplyCreatedV2 {
  conversationId: string;
  replyId: string;
  /** The visitor message this answers, or null for an unprompted message (e.g. the greeting). */
  inReplyTo: string | null;
  personaName: string;
  /** The reply, encrypted under the visitor's key with `messageTextScope(tenant, visitor, replyId)`. */
  encryptedText: string;
  createdAt: string;
}

export const botReplyCreatedV2 = defineEvent<BotReplyCreatedV2>({
  type: 'bot.reply.created',
  schemaVersion: 2,
  topic: 'bot.public.reply.created.v2',
  owner: 'bot-engine',
  description:
    'The bot composed a message for a conversation; the conversation service stores and delivers it. ' +
    'v2: the text travels encrypted under the subject key.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'replyId', 'inReplyTo', 'personaName', 'encryptedText', 'createdAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      replyId: { type: 'string', format: 'uuid' },
      inReplyTo: { type: ['string', 'null'], format: 'uuid' },
      personaName: { type: 'string', minLength: 1, maxLength: 80 },
      encryptedText: CIPHERTEXT_SCHEMA,
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
});
