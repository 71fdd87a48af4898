import type { EntityManager } from 'typeorm';
import type { EventDefinition, EventEnvelope } from '@candor/contracts';
import type { EventMetadata, Outbox } from '../outbox/outbox';

/**
 * Handed to every event handler (`@Ctx()`): the transaction in which the
 * handler's effect, the inbox entry and any follow-up events commit together.
 */
export class EventContext {
  private readonly afterCommitActions: (() => void)[] = [];

  constructor(
    readonly envelope: EventEnvelope,
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  /** Publishes a follow-up event in the same transaction, caused by the event being handled. */
  publish<TPayload>(
    definition: EventDefinition<TPayload>,
    payload: TPayload,
    metadata: Pick<EventMetadata, 'subjectId'> = {},
  ): Promise<EventEnvelope<TPayload>> {
    return this.outbox.enqueue(this.manager, definition, payload, {
      tenantId: this.envelope.tenantId,
      subjectId: metadata.subjectId ?? this.envelope.subjectId,
      correlationId: this.envelope.correlationId,
      causationId: this.envelope.id,
    });
  }

  /** Runs once the transaction committed (e.g. pushing to WebSockets); never on rollback. */
  afterCommit(action: () => void): void {
    this.afterCommitActions.push(action);
  }

  /** @internal called by the transport after commit. */
  runAfterCommit(onError: (error: unknown) => void): void {
    for (const action of this.afterCommitActions) {
      try {
        action();
      } catch (error) {
        onError(error);
      }
    }
  }
}
