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
    await context.manager.update(
      BotConversation,
      { conversationId: state.conversationId },
      { locale: event.payload.locale },
    );
    await this.greetOnce(state, context);
  }

  @EventPattern(messagePostedV1.topic)
  async onMessage(@Payload() event: EventEnvelope<MessagePostedV1>, @Ctx() context: EventContext) {
    if (event.payload.senderKind !== 'visitor') return;
    const state = await this.stateFor(context.manager, event.tenantId, event.payload.conversationId);
    // `started` travels on another topic and may not have arrived yet: the disclosure still comes first.
    await this.greetOnce(state, context);
    await context.manager.increment(BotConversation, { conversationId: state.conversationId }, 'visitorTurns', 1);
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
    if (state.greetedAt) return;
    state.greetedAt = new Date();
    await context.manager.update(
      BotConversation,
      { conversationId: state.conversationId },
      { greetedAt: state.greetedAt },
    );
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
    // One statement creates the state if needed, locks the row and returns it.
    const [row] = await manager.query(
      `INSERT INTO "bot_engine"."bot_conversations" ("conversation_id", "tenant_id", "persona_name")
       VALUES ($1, $2, $3)
       ON CONFLICT ("conversation_id") DO UPDATE SET "conversation_id" = EXCLUDED."conversation_id"
       RETURNING "conversation_id", "tenant_id", "persona_name", "greeted_at"`,
      [conversationId, tenantId, DEFAULT_PERSONA_NAME],
    );
    if (row.tenant_id !== tenantId) {
      throw new Error('conversation id already belongs to another tenant');
    }
    return manager.create(BotConversation, {
      conversationId: row.conversation_id,
      tenantId: row.tenant_id,
      personaName: row.persona_name,
      greetedAt: row.greeted_at,
    });
  }
}
