import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type ConversationStatusChangedV2, type EventEnvelope, conversationStatusChangedV2 } from '@candor/contracts';
import { type EventContext, handlesOnly } from '@candor/messaging';
import { Queue } from './queue';

const ENTERS_OR_LEAVES_QUEUE = handlesOnly<ConversationStatusChangedV2>(
  ({ payload }) => payload.status === 'waiting_for_human' || payload.previousStatus === 'waiting_for_human',
);

/**
 * Keeps the queue as the conversation service announces it. The queue starts at the status change, not at the
 * decision to queue, because only the conversation service knows whether the visitor was really queued.
 * Status changes of one conversation share its key, so they arrive in order.
 */
@Controller()
export class QueueEventsHandler {
  constructor(private readonly queue: Queue) {}

  @EventPattern(conversationStatusChangedV2.topic, ENTERS_OR_LEAVES_QUEUE)
  async onStatusChanged(
    @Payload() event: EventEnvelope<ConversationStatusChangedV2>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { conversationId, status, changedAt } = event.payload;
    if (status !== 'waiting_for_human') {
      await this.queue.leave(context.manager, event.tenantId, conversationId);
      return;
    }
    await this.queue.enter(context.manager, {
      conversationId,
      tenantId: event.tenantId,
      visitorId: event.subjectId,
      waitingSince: new Date(changedAt),
      correlationId: event.correlationId,
      causationId: event.id,
    });
  }
}
