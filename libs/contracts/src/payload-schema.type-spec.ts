/**
 * Type-level test, checked by the type-checker (`npm run typecheck`, part of `npm test`), never run: each
 * `@ts-expect-error` below must meet an error, or the check fails. An event's payload interface and its JSON
 * Schema cannot drift apart silently.
 */
import { defineEvent } from './event-definition';

interface Payload {
  conversationId: string;
  sequence: number;
}

const STRING = { type: 'string' } as const;
const INTEGER = { type: 'integer' } as const;
const common = { type: 'x.y', schemaVersion: 1, topic: 'x.public.y.v1', owner: 'x', description: 'x' } as const;

export const matching = defineEvent<Payload>({
  ...common,
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'sequence'],
    properties: { conversationId: STRING, sequence: INTEGER },
  },
});

// A field added to the interface and not to the schema.
export const fieldMissing = defineEvent<Payload & { text: string }>({
  ...common,
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId', 'sequence'],
    // @ts-expect-error: `text` has no schema
    properties: { conversationId: STRING, sequence: INTEGER },
  },
});

// A field removed (or renamed) in the interface and still in the schema.
export const fieldStale = defineEvent<Pick<Payload, 'conversationId'>>({
  ...common,
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['conversationId'],
    // @ts-expect-error: `sequence` is no field of the payload any more
    properties: { conversationId: STRING, sequence: INTEGER },
  },
});

// A required field the interface does not have.
export const requiredStale = defineEvent<Pick<Payload, 'conversationId'>>({
  ...common,
  keyOf: (payload) => payload.conversationId,
  payloadSchema: {
    type: 'object',
    additionalProperties: false,
    // @ts-expect-error: `sequence` is no field of the payload
    required: ['conversationId', 'sequence'],
    properties: { conversationId: STRING },
  },
});
