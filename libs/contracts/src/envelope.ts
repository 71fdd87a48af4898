/**
 * The one envelope every Candor event travels in. Only ids and metadata live
 * here: personal data belongs in the payload (encrypted, see BRIEF), never in
 * the envelope, the Kafka key or headers.
 */
export interface EventEnvelope<TPayload = unknown> {
  /** Unique event id (UUID); consumers deduplicate on it. */
  id: string;
  /** Event type without version, e.g. `conversation.message.posted`. */
  type: string;
  /** Version of the payload schema; a breaking change bumps it (and the topic). */
  schemaVersion: number;
  tenantId: string;
  /** Pseudonymous data-subject id (never an email or name), when the event concerns one. */
  subjectId: string | null;
  /** ISO-8601 time the fact happened. */
  occurredAt: string;
  /** Id shared by every event of one business flow. */
  correlationId: string;
  /** Id of the event (or request) that directly caused this one. */
  causationId: string | null;
  /** Service that produced the event. */
  producer: string;
  payload: TPayload;
}

export const envelopeSchema = {
  $id: 'candor:envelope',
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'type',
    'schemaVersion',
    'tenantId',
    'subjectId',
    'occurredAt',
    'correlationId',
    'causationId',
    'producer',
    'payload',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$', maxLength: 120 },
    schemaVersion: { type: 'integer', minimum: 1 },
    tenantId: { type: 'string', format: 'uuid' },
    subjectId: { type: ['string', 'null'], format: 'uuid' },
    occurredAt: { type: 'string', format: 'date-time' },
    correlationId: { type: 'string', format: 'uuid' },
    causationId: { type: ['string', 'null'], format: 'uuid' },
    producer: { type: 'string', minLength: 1, maxLength: 60 },
    payload: { type: 'object' },
  },
} as const;
