import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type EventDefinition, type EventEnvelope, validatePayload } from '@candor/contracts';
import { assertSqlIdentifier } from '../persistence/sql-identifier';

/** Who and what an event belongs to, beyond its payload. */
export interface EventMetadata {
  tenantId: string;
  subjectId?: string | null;
  /** Defaults to the new event's own id (the start of a flow). */
  correlationId?: string;
  causationId?: string | null;
}

/**
 * Writes events into the service's outbox table inside the caller's
 * transaction, so the state change and its event commit (or roll back) together.
 * The relay publishes them afterwards.
 */
export class Outbox {
  private readonly table: string;

  constructor(
    schema: string,
    private readonly producerName: string,
  ) {
    this.table = `"${assertSqlIdentifier(schema)}"."outbox_events"`;
  }

  async enqueue<TPayload>(
    manager: EntityManager,
    definition: EventDefinition<TPayload>,
    payload: TPayload,
    metadata: EventMetadata,
  ): Promise<EventEnvelope<TPayload>> {
    validatePayload(definition, payload);
    const id = randomUUID();
    const envelope: EventEnvelope<TPayload> = {
      id,
      type: definition.type,
      schemaVersion: definition.schemaVersion,
      tenantId: metadata.tenantId,
      subjectId: metadata.subjectId ?? null,
      occurredAt: new Date().toISOString(),
      correlationId: metadata.correlationId ?? id,
      causationId: metadata.causationId ?? null,
      producer: this.producerName,
      payload,
    };
    await manager.query(
      `INSERT INTO ${this.table} ("id", "topic", "message_key", "envelope") VALUES ($1, $2, $3, $4)`,
      [id, definition.topic, definition.keyOf(payload, metadata.tenantId), JSON.stringify(envelope)],
    );
    return envelope;
  }
}
