import { defineEvent } from '../event-definition';

export const SENDER_KINDS = ['visitor', 'bot', 'agent', 'system'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

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

export const CONVERSATION_STATUSES = ['bot', 'waiting_for_human', 'with_human', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** What the sensitive-data guard did to a visitor message before it was stored (see libs/privacy). */
export const GUARD_OUTCOMES = ['clean', 'allowed', 'redacted', 'blocked'] as const;
export type GuardOutcome = (typeof GUARD_OUTCOMES)[number];

export interface GuardVerdict {
  /** clean: nothing found; allowed: found, tenant policy allows it; redacted: spans removed; blocked: text withheld. */
  outcome: GuardOutcome;
  /** Categories found (names only, never the values), e.g. ["health", "dob"]. */
  categories: string[];
}

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

/** Ids authored by tenants (quick replies, forms, purposes, teams): lower-case slugs, never personal data. */
export const SLUG_SCHEMA = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,62}$' } as const;

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

/** Why a conversation changed hands. */
export const STATUS_CHANGE_REASONS = [
  'handoff_queued',
  'agent_joined',
  'agent_left',
  'visitor_left_queue',
  'closed',
] as const;
export type StatusChangeReason = (typeof STATUS_CHANGE_REASONS)[number];

export interface ConversationStatusChangedV2 {
  conversationId: string;
  status: ConversationStatus;
  previousStatus: ConversationStatus;
  /** Queued for a person, an agent joined or left, the visitor stopped waiting, or closed. */
  reason: StatusChangeReason;
  changedAt: string;
}

export const conversationStatusChangedV2 = defineEvent<ConversationStatusChangedV2>({
  type: 'conversation.status.changed',
  schemaVersion: 2,
  topic: 'conversation.public.status.changed.v2',
  owner: 'conversation',
  description:
    'A conversation moved between the bot, waiting for a human, with a human, and closed. ' +
    'The bot is silent while a person holds it (`with_human`) and after it closed. ' +
    'v2: adds the reason `visitor_left_queue` (waiting for a human, back to the bot).',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'status', 'previousStatus', 'reason', 'changedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      status: { type: 'string', enum: [...CONVERSATION_STATUSES] },
      previousStatus: { type: 'string', enum: [...CONVERSATION_STATUSES] },
      reason: { type: 'string', enum: [...STATUS_CHANGE_REASONS] },
      changedAt: { type: 'string', format: 'date-time' },
    },
  },
});
