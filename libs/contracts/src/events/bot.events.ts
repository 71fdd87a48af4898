import { defineEvent } from '../event-definition';

export interface BotReplyCreatedV1 {
  conversationId: string;
  replyId: string;
  /** The visitor message this answers, or null for an unprompted message (e.g. the greeting). */
  inReplyTo: string | null;
  personaName: string;
  text: string;
  createdAt: string;
}

export const botReplyCreatedV1 = defineEvent<BotReplyCreatedV1>({
  type: 'bot.reply.created',
  schemaVersion: 1,
  topic: 'bot.public.reply.created.v1',
  owner: 'bot-engine',
  description: 'The bot composed a message for a conversation; the conversation service stores and delivers it.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'replyId', 'inReplyTo', 'personaName', 'text', 'createdAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      replyId: { type: 'string', format: 'uuid' },
      inReplyTo: { type: ['string', 'null'], format: 'uuid' },
      personaName: { type: 'string', minLength: 1, maxLength: 80 },
      text: { type: 'string', minLength: 1, maxLength: 4000, 'x-personal-data': true },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
});
