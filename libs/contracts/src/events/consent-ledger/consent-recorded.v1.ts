import { defineEvent } from '../../event-definition';
import { CONSENT_ACTIONS, type ConsentActionName, SLUG_SCHEMA } from '../vocabulary';

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
