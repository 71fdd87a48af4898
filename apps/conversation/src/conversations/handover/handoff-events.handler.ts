import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type EventEnvelope, type HandoffQueuedV1, handoffQueuedV1 } from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { ConversationStreamGateway } from '../conversation-stream.gateway';
import { MessageView } from '../dto/conversation.views';
import { ConversationStates } from './conversation-states';

/** The handoff service queued a conversation for a person: the visitor is told they are waiting. */
@Controller()
export class HandoffEventsHandler {
  constructor(
    private readonly states: ConversationStates,
    private readonly stream: ConversationStreamGateway,
  ) {}

  @EventPattern(handoffQueuedV1.topic)
  async onQueued(@Payload() event: EventEnvelope<HandoffQueuedV1>, @Ctx() context: EventContext): Promise<void> {
    // Already waiting, with an agent, or closed (e.g. a replay): nothing to do.
    const transition = await this.states.apply(
      context.manager,
      { id: event.payload.conversationId, tenantId: event.tenantId },
      'handoff_queued',
      { metadata: { correlationId: event.correlationId, causationId: event.id } },
    );
    if (transition) {
      const { message, text } = transition.announcement;
      context.afterCommit(() => this.stream.push(MessageView.of(message, text)));
    }
  }
}
