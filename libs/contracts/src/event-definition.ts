/** A JSON Schema document, kept as plain data so it can be published (AsyncAPI) as is. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * The JSON Schema of a payload, tied to its interface: `properties` must name every field of the interface and no
 * other, and `required` only fields of it, so adding, removing or renaming a field without changing the schema
 * does not compile (libs/contracts/src/payload-schema.type-spec.ts shows it).
 */
export type PayloadSchema<TPayload> = JsonSchema & {
  type: 'object';
  additionalProperties: false;
  required: readonly (keyof TPayload & string)[];
  properties: { readonly [Field in keyof TPayload]-?: JsonSchema };
};

/**
 * A versioned event contract: its type, schema version, the topic it travels on,
 * how its Kafka key is derived (ordering unit) and the JSON Schema of its payload.
 */
export interface EventDefinition<TPayload> {
  type: string;
  schemaVersion: number;
  /** Topic name `<domain>.<visibility>.<entity>.<event>.v<version>`, before any namespace prefix. */
  topic: string;
  /** Kafka message key: events with the same key stay in order. Must never carry personal data. */
  keyOf(payload: TPayload, tenantId: string): string;
  /**
   * Kept on Kafka forever instead of the broker's retention: services rebuild
   * state from these topics (e.g. API-key replicas), so a late joiner must see all.
   */
  retainForever?: boolean;
  /**
   * Access control state (tenants leaving, API keys issued and revoked): a consumer that skipped one could leave a
   * revoked key valid, so such an event is never dead-lettered for failing or crashing its consumer; it is retried
   * and holds its partition until it applies (fail closed).
   */
  neverSkip?: boolean;
  /** Service that owns (produces) this event. */
  owner: string;
  description: string;
  /**
   * JSON Schema (draft 2020-12 subset understood by Ajv) of the payload. Fields that carry
   * personal data are marked `x-personal-data: true`; the key library will encrypt them per subject (see BRIEF).
   */
  payloadSchema: PayloadSchema<TPayload>;
}

export function defineEvent<TPayload>(definition: EventDefinition<TPayload>): EventDefinition<TPayload> {
  const expectedSuffix = `.v${definition.schemaVersion}`;
  if (!definition.topic.endsWith(expectedSuffix)) {
    throw new Error(`Topic ${definition.topic} must end with ${expectedSuffix}`);
  }
  return definition;
}
