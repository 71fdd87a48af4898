import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type EventDefinition, type EventEnvelope, validatePayload } from '@candor/contracts';
import { assertSqlIdentifier } from '../persistence/sql-identifier';

/** Rows per INSERT: far below Postgres' limit of 65,535 bind parameters. */
const ROWS_PER_INSERT = 1_000;

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
    const [envelope] = await this.enqueueMany(manager, definition, [{ payload, metadata }]);
    return envelope;
  }

  /** Several events of one kind in one statement per 1,000 (a batch of ledger entries, say), in order. */
  async enqueueMany<TPayload>(
    manager: EntityManager,
    definition: EventDefinition<TPayload>,
    events: readonly { payload: TPayload; metadata: EventMetadata }[],
  ): Promise<EventEnvelope<TPayload>[]> {
    const envelopes = events.map(({ payload, metadata }) => this.envelope(definition, payload, metadata));
    for (let start = 0; start < envelopes.length; start += ROWS_PER_INSERT) {
      const chunk = envelopes.slice(start, start + ROWS_PER_INSERT);
      const values = chunk.map((_, row) => `($${row * 4 + 1}, $${row * 4 + 2}, $${row * 4 + 3}, $${row * 4 + 4})`);
      await manager.query(
        `INSERT INTO ${this.table} ("id", "topic", "message_key", "envelope") VALUES ${values.join(', ')}`,
        chunk.flatMap((envelope) => [
          envelope.id,
          definition.topic,
          definition.keyOf(envelope.payload, envelope.tenantId),
          JSON.stringify(envelope),
        ]),
      );
    }
    return envelopes;
  }

  private envelope<TPayload>(
    definition: EventDefinition<TPayload>,
    payload: TPayload,
    metadata: EventMetadata,
  ): EventEnvelope<TPayload> {
    validatePayload(definition, payload);
    const id = randomUUID();
    return {
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
  }
}
