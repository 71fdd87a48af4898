import { defineEvent } from '../../event-definition';

export interface QueueLeftV1 {
  conversationId: string;
  /** The visitor message that said so ("never mind", or the button pressed), as evidence. */
  evidenceMessageId: string | null;
  leftAt: string;
}

export const queueLeftV1 = defineEvent<QueueLeftV1>({
  type: 'bot.queue.left',
  schemaVersion: 1,
  topic: 'bot.public.queue.left.v1',
  owner: 'bot-engine',
  description:
    'A visitor waiting for a person said in the chat they no longer want to wait. The conversation service ' +
    'hands the conversation back to the bot, unless a person joined meanwhile.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'evidenceMessageId', 'leftAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      evidenceMessageId: { type: ['string', 'null'], format: 'uuid' },
      leftAt: { type: 'string', format: 'date-time' },
    },
  },
});
