import { defineEvent } from '../../event-definition';
import { SLUG_SCHEMA } from '../vocabulary';

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
