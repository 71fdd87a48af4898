import { defineEvent } from '../../event-definition';
import { DATA_REQUEST_KINDS, type DataRequestKind } from '../vocabulary';

export interface DataRequestedV1 {
  conversationId: string;
  /** erasure: forget me; access: what do you hold on me; unsubscribe: stop all marketing. */
  request: DataRequestKind;
  /** The visitor message that asked, as evidence. */
  evidenceMessageId: string | null;
  requestedAt: string;
}

export const dataRequestedV1 = defineEvent<DataRequestedV1>({
  type: 'bot.data-request.received',
  schemaVersion: 1,
  topic: 'bot.public.data-request.received.v1',
  owner: 'bot-engine',
  description:
    'A visitor asked in the chat to be forgotten, for their data, or to stop marketing. The subject is the ' +
    'envelope subjectId; the DSR service opens the request.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'request', 'evidenceMessageId', 'requestedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      request: { type: 'string', enum: [...DATA_REQUEST_KINDS] },
      evidenceMessageId: { type: ['string', 'null'], format: 'uuid' },
      requestedAt: { type: 'string', format: 'date-time' },
    },
  },
});
