import { defineEvent } from '../../event-definition';

export interface ConversationStartedV2 {
  conversationId: string;
  visitorId: string;
  locale: string | null;
  privacyNoticeVersion: string;
  /** The full privacy policy the notice links to (the bot answers "what do you do with my data?" with it). */
  privacyPolicyUrl: string;
  /** Where the chat was opened: origin and path only, never a query string or fragment. */
  pageUrl: string | null;
  /** ISO 3166-1 alpha-2 country, or EU, as told by the widget: playbooks branch on it. */
  jurisdiction: string | null;
  startedAt: string;
}

export const conversationStartedV2 = defineEvent<ConversationStartedV2>({
  type: 'conversation.conversation.started',
  schemaVersion: 2,
  topic: 'conversation.public.conversation.started.v2',
  owner: 'conversation',
  description:
    'A visitor started a conversation and was shown the privacy notice. ' +
    "v2: adds the policy link, the page and the visitor's jurisdiction, which the bot's playbooks use.",
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'conversationId',
      'visitorId',
      'locale',
      'privacyNoticeVersion',
      'privacyPolicyUrl',
      'pageUrl',
      'jurisdiction',
      'startedAt',
    ],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      visitorId: { type: 'string', format: 'uuid' },
      locale: { type: ['string', 'null'], pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
      privacyNoticeVersion: { type: 'string', minLength: 1, maxLength: 40 },
      privacyPolicyUrl: { type: 'string', format: 'uri', maxLength: 500 },
      pageUrl: { type: ['string', 'null'], format: 'uri', maxLength: 500, pattern: '^https?://[^?#]*$' },
      jurisdiction: { type: ['string', 'null'], pattern: '^[A-Z]{2}$' },
      startedAt: { type: 'string', format: 'date-time' },
    },
  },
});
