import { defineEvent } from '../../event-definition';

export interface HandoffQueueTimedOutV1 {
  conversationId: string;
  /** When the visitor was told they are in the queue. */
  waitingSince: string;
  timedOutAt: string;
}

export const handoffQueueTimedOutV1 = defineEvent<HandoffQueueTimedOutV1>({
  type: 'handoff.conversation.queue-timed-out',
  schemaVersion: 1,
  topic: 'handoff.public.conversation.queue-timed-out.v1',
  owner: 'handoff',
  description:
    'Nobody took a queued conversation within HANDOFF_QUEUE_TIMEOUT_MS. It stays in the queue: the bot tells ' +
    'the visitor so and offers a meeting or to leave a message, to keep waiting, or to go back to the bot. ' +
    'Announced once per wait.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'waitingSince', 'timedOutAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      waitingSince: { type: 'string', format: 'date-time' },
      timedOutAt: { type: 'string', format: 'date-time' },
    },
  },
});
