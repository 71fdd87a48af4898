import { defineEvent } from '../event-definition';
import { SLUG_SCHEMA } from './conversation.events';

export interface ConsentFormPublishedV1 {
  formId: string;
  version: number;
  purpose: string;
  locale: string;
  /** The exact text a visitor is shown (not personal data: the tenant wrote it). */
  text: string;
  /** Lowercase hex SHA-256 of the UTF-8 text: what ledger entries record. */
  textHash: string;
  publishedAt: string;
}

export const consentFormPublishedV1 = defineEvent<ConsentFormPublishedV1>({
  type: 'consent.form.published',
  schemaVersion: 1,
  topic: 'consent.public.form.published.v1',
  owner: 'consent-ledger',
  description:
    'A new version of a consent form was published (immutable). The bot shows the current version of a form ' +
    'and records which version and text hash the visitor answered.',
  keyOf: (payload, tenantId) => `${tenantId}:${payload.formId}`,
  retainForever: true,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['formId', 'version', 'purpose', 'locale', 'text', 'textHash', 'publishedAt'],
    properties: {
      formId: SLUG_SCHEMA,
      version: { type: 'integer', minimum: 1 },
      purpose: SLUG_SCHEMA,
      locale: { type: 'string', pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
      text: { type: 'string', minLength: 1, maxLength: 4000 },
      textHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      publishedAt: { type: 'string', format: 'date-time' },
    },
  },
});

export const CONSENT_ACTIONS = ['granted', 'withdrawn', 'expired'] as const;
export type ConsentActionName = (typeof CONSENT_ACTIONS)[number];

export interface ConsentRecordedV1 {
  /** Position of the entry in the tenant's log: fetch its inclusion proof with it. */
  leafIndex: number;
  purpose: string;
  action: ConsentActionName;
  formId: string | null;
  formVersion: number | null;
  recordedAt: string;
}

export const consentRecordedV1 = defineEvent<ConsentRecordedV1>({
  type: 'consent.decision.recorded',
  schemaVersion: 1,
  topic: 'consent.public.decision.recorded.v1',
  owner: 'consent-ledger',
  description:
    "A consent decision was appended to the tenant's log; the subject is the envelope subjectId (a pseudonym). " +
    'A withdrawal takes effect everywhere from this event: services holding data only for that purpose delete it.',
  keyOf: (payload, tenantId) => `${tenantId}:${payload.purpose}`,
  retainForever: true,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['leafIndex', 'purpose', 'action', 'formId', 'formVersion', 'recordedAt'],
    properties: {
      leafIndex: { type: 'integer', minimum: 0 },
      purpose: SLUG_SCHEMA,
      action: { type: 'string', enum: [...CONSENT_ACTIONS] },
      formId: { anyOf: [SLUG_SCHEMA, { type: 'null' }] },
      formVersion: { type: ['integer', 'null'], minimum: 1 },
      recordedAt: { type: 'string', format: 'date-time' },
    },
  },
});
