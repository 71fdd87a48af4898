import { defineEvent } from '../../event-definition';
import { SLUG_SCHEMA } from '../vocabulary';

export interface ConsentDecidedV1 {
  conversationId: string;
  /** The consent form shown and the purpose asked for; recorded by the consent ledger. */
  formId: string;
  purpose: string;
  /** The form version and text hash shown, when the bot knew the published form; null when it showed the playbook's own text. */
  formVersion: number | null;
  formTextHash: string | null;
  granted: boolean;
  /** The visitor message that carried the decision (evidence), if typed or pressed. */
  evidenceMessageId: string | null;
  language: string;
  decidedAt: string;
}

export const consentDecidedV1 = defineEvent<ConsentDecidedV1>({
  type: 'bot.consent.decided',
  schemaVersion: 1,
  topic: 'bot.public.consent.decided.v1',
  owner: 'bot-engine',
  description:
    'A visitor granted or declined a consent the bot asked for in the chat. The subject is the envelope ' +
    'subjectId (the visitor pseudonym); the consent ledger records it.',
  keyOf: (payload) => payload.conversationId,
  retainForever: true,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'conversationId',
      'formId',
      'purpose',
      'formVersion',
      'formTextHash',
      'granted',
      'evidenceMessageId',
      'language',
      'decidedAt',
    ],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      formId: SLUG_SCHEMA,
      purpose: SLUG_SCHEMA,
      formVersion: { type: ['integer', 'null'], minimum: 1 },
      formTextHash: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' },
      granted: { type: 'boolean' },
      evidenceMessageId: { type: ['string', 'null'], format: 'uuid' },
      language: { type: 'string', pattern: '^[a-z]{2}$' },
      decidedAt: { type: 'string', format: 'date-time' },
    },
  },
});
