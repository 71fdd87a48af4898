import { defineEvent } from '../../event-definition';
import { CIPHERTEXT_SCHEMA, COLLECTED_FIELDS, type CollectedField, type QuickReply, SLUG_SCHEMA } from '../vocabulary';

export interface BotReplyCreatedV3 {
  conversationId: string;
  replyId: string;
  /** The visitor message this answers, or null for an unprompted message (e.g. the greeting). */
  inReplyTo: string | null;
  personaName: string;
  /** The reply, encrypted under the visitor's key with `messageTextScope(tenant, visitor, replyId)`. */
  encryptedText: string;
  /** Buttons the visitor may press instead of typing. */
  quickReplies: QuickReply[];
  /** The field the bot asked for: the guard lets that kind of identifier through in the visitor's next message. */
  expects: CollectedField | null;
  createdAt: string;
}

export const botReplyCreatedV3 = defineEvent<BotReplyCreatedV3>({
  type: 'bot.reply.created',
  schemaVersion: 3,
  topic: 'bot.public.reply.created.v3',
  owner: 'bot-engine',
  description:
    'The bot composed a message for a conversation; the conversation service stores and delivers it. ' +
    'v3: adds quick replies and the field the bot asked for.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'conversationId',
      'replyId',
      'inReplyTo',
      'personaName',
      'encryptedText',
      'quickReplies',
      'expects',
      'createdAt',
    ],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      replyId: { type: 'string', format: 'uuid' },
      inReplyTo: { type: ['string', 'null'], format: 'uuid' },
      personaName: { type: 'string', minLength: 1, maxLength: 80 },
      encryptedText: CIPHERTEXT_SCHEMA,
      quickReplies: {
        type: 'array',
        maxItems: 10,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'label'],
          properties: { id: SLUG_SCHEMA, label: { type: 'string', minLength: 1, maxLength: 40 } },
        },
      },
      expects: { anyOf: [{ type: 'string', enum: [...COLLECTED_FIELDS] }, { type: 'null' }] },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
});
