import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type EventEnvelope, envelopeSchema } from './envelope';
import type { EventDefinition } from './event-definition';
import { EVENT_CATALOGUE, definitionKey, findEventDefinition } from './registry';

/** One schema violation, described by path only: values are never echoed (they may be personal). */
export interface SchemaViolation {
  path: string;
  rule: string;
}

export class EventValidationError extends Error {
  constructor(
    message: string,
    readonly violations: SchemaViolation[],
  ) {
    super(message);
    this.name = 'EventValidationError';
  }
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addKeyword({ keyword: 'x-personal-data', schemaType: 'boolean' });

const validateEnvelopeShape = ajv.compile(envelopeSchema);
const payloadValidators = new Map<string, ValidateFunction>(
  EVENT_CATALOGUE.map((definition) => [
    definitionKey(definition.type, definition.schemaVersion),
    ajv.compile(definition.payloadSchema),
  ]),
);

function violationsOf(errors: ErrorObject[] | null | undefined, prefix: string): SchemaViolation[] {
  return (errors ?? []).map((error) => ({ path: `${prefix}${error.instancePath}` || '/', rule: error.keyword }));
}

/**
 * Checks a decoded event against the envelope schema and the payload schema of
 * its type and version. Used by producers before writing to the outbox and by
 * consumers before handling, so both sides agree on the contract.
 */
export function validateEnvelope(candidate: unknown): EventEnvelope {
  if (!validateEnvelopeShape(candidate)) {
    throw new EventValidationError('Event envelope is invalid', violationsOf(validateEnvelopeShape.errors, ''));
  }
  const envelope = candidate as unknown as EventEnvelope;
  const validatePayload = payloadValidators.get(definitionKey(envelope.type, envelope.schemaVersion));
  if (!validatePayload) {
    throw new EventValidationError(`Unknown event ${envelope.type} v${envelope.schemaVersion}`, [
      { path: '/type', rule: 'known-event' },
    ]);
  }
  if (!validatePayload(envelope.payload)) {
    throw new EventValidationError(
      `Payload of ${envelope.type} v${envelope.schemaVersion} is invalid`,
      violationsOf(validatePayload.errors, '/payload'),
    );
  }
  return envelope;
}

/** Validates a payload for a given definition (producer side, before the envelope exists). */
export function validatePayload<TPayload>(definition: EventDefinition<TPayload>, payload: TPayload): void {
  const validate = payloadValidators.get(definitionKey(definition.type, definition.schemaVersion));
  if (!validate || !findEventDefinition(definition.type, definition.schemaVersion)) {
    throw new EventValidationError(`Event ${definition.type} v${definition.schemaVersion} is not in the catalogue`, []);
  }
  if (!validate(payload)) {
    throw new EventValidationError(
      `Payload of ${definition.type} v${definition.schemaVersion} is invalid`,
      violationsOf(validate.errors, '/payload'),
    );
  }
}
