import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import {
  type ConversationStartedV1,
  type EventEnvelope,
  type MessagePostedV1,
  botReplyCreatedV1,
  conversationStartedV1,
  messagePostedV1,
} from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { BotConversation } from './bot-conversation.entity';
import { DEFAULT_PERSONA_NAME, echo, greeting } from './greeter';

/** Reacts to conversations: greets when one starts, answers each visitor message. */
@Controller()
export class ConversationEventsHandler {
  @EventPattern(conversationStartedV1.topic)
  async onStarted(@Payload() event: EventEnvelope<ConversationStartedV1>, @Ctx() context: EventContext) {
    const state = await this.stateFor(context.manager, event.tenantId, event.payload.conversationId);
    state.locale = event.payload.locale;
    await this.greetOnce(state, context);
  }

  @EventPattern(messagePostedV1.topic)
  async onMessage(@Payload() event: EventEnvelope<MessagePostedV1>, @Ctx() context: EventContext) {
    if (event.payload.senderKind !== 'visitor') return;
    const state = await this.stateFor(context.manager, event.tenantId, event.payload.conversationId);
    // `started` travels on another topic and may not have arrived yet: the disclosure still comes first.
    await this.greetOnce(state, context);
    state.visitorTurns += 1;
    await context.manager.save(state);
    await context.publish(botReplyCreatedV1, {
      conversationId: state.conversationId,
      replyId: randomUUID(),
      inReplyTo: event.payload.messageId,
      personaName: state.personaName,
      text: echo(event.payload.text),
      createdAt: new Date().toISOString(),
    });
  }

  private async greetOnce(state: BotConversation, context: EventContext): Promise<void> {
    if (state.greetedAt) {
      await context.manager.save(state);
      return;
    }
    state.greetedAt = new Date();
    await context.manager.save(state);
    await context.publish(botReplyCreatedV1, {
      conversationId: state.conversationId,
      replyId: randomUUID(),
      inReplyTo: null,
      personaName: state.personaName,
      text: greeting(state.personaName),
      createdAt: new Date().toISOString(),
    });
  }

  /**
   * The bot's state for a conversation, created on first sight: `started` and
   * `message.posted` travel on different topics, so either may arrive first.
   */
  private async stateFor(manager: EntityManager, tenantId: string, conversationId: string): Promise<BotConversation> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(BotConversation)
      .values({
        conversationId,
        tenantId,
        personaName: DEFAULT_PERSONA_NAME,
        locale: null,
        visitorTurns: 0,
        greetedAt: null,
        createdAt: new Date(),
      })
      .orIgnore()
      .execute();
    return manager.findOneOrFail(BotConversation, {
      where: { conversationId, tenantId },
      lock: { mode: 'pessimistic_write' },
    });
  }
}
