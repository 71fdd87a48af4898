import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type EventEnvelope,
  type HandoffQueuedV1,
  type QueueLeftV1,
  type StatusChangeReason,
  handoffQueuedV1,
  queueLeftV1,
} from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { ConversationStreamGateway } from '../conversation-stream.gateway';
import { MessageView } from '../dto/conversation.views';
import { ConversationStates } from './conversation-states';

/**
 * Who waits for a person: the handoff service queued the conversation, or the visitor told the bot they no
 * longer want to wait. Each time the visitor is told in the transcript.
 */
@Controller()
export class HandoffEventsHandler {
  constructor(
    private readonly states: ConversationStates,
    private readonly stream: ConversationStreamGateway,
  ) {}

  @EventPattern(handoffQueuedV1.topic)
  onQueued(@Payload() event: EventEnvelope<HandoffQueuedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.move(event, context, 'handoff_queued');
  }

  @EventPattern(queueLeftV1.topic)
  onQueueLeft(@Payload() event: EventEnvelope<QueueLeftV1>, @Ctx() context: EventContext): Promise<void> {
    return this.move(event, context, 'visitor_left_queue');
  }

  private async move(
    event: EventEnvelope<{ conversationId: string }>,
    context: EventContext,
    reason: StatusChangeReason,
  ): Promise<void> {
    // Not in a state it can happen from (a person joined meanwhile, closed, a replay): nothing to do.
    const transition = await this.states.apply(
      context.manager,
      { id: event.payload.conversationId, tenantId: event.tenantId },
      reason,
      { metadata: { correlationId: event.correlationId, causationId: event.id } },
    );
    if (transition) {
      const { message, text } = transition.announcement;
      context.afterCommit(() => this.stream.push(MessageView.of(message, text)));
    }
  }
}
