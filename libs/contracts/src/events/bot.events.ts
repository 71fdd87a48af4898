import { defineEvent } from '../event-definition';
import { CIPHERTEXT_SCHEMA, SLUG_SCHEMA } from './conversation.events';

export const COLLECTED_FIELDS = ['email', 'phone', 'name', 'text'] as const;
export type CollectedField = (typeof COLLECTED_FIELDS)[number];

export interface QuickReply {
  id: string;
  label: string;
}

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

export const HANDOFF_REASONS = ['visitor_asked', 'playbook', 'not_understood', 'sensitive_data'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export interface HandoffRequestedV1 {
  conversationId: string;
  team: string | null;
  skill: string | null;
  reason: HandoffReason;
  requestedAt: string;
}

export const handoffRequestedV1 = defineEvent<HandoffRequestedV1>({
  type: 'bot.handoff.requested',
  schemaVersion: 1,
  topic: 'bot.public.handoff.requested.v1',
  owner: 'bot-engine',
  description:
    'The bot asks for a human to take over a conversation (the visitor asked, the playbook says so, the bot ' +
    'could not understand, or sensitive data needs a trained team). The handoff service queues it or says ' +
    'nobody is available.',
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'team', 'skill', 'reason', 'requestedAt'],
    properties: {
      conversationId: { type: 'string', format: 'uuid' },
      team: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      skill: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      reason: { type: 'string', enum: [...HANDOFF_REASONS] },
      requestedAt: { type: 'string', format: 'date-time' },
    },
  },
});

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

export const DATA_REQUEST_KINDS = ['erasure', 'access', 'unsubscribe'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];

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
