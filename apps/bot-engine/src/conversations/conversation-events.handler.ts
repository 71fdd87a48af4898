import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import {
  type ConversationStartedV1,
  type EventEnvelope,
  type MessagePostedV2,
  botReplyCreatedV2,
  conversationStartedV1,
  messagePostedV2,
  messageTextScope,
} from '@candor/contracts';
import { ERASED, PersonalDataCipher } from '@candor/crypto';
import type { EventContext } from '@candor/messaging';
import { BotConversation } from './bot-conversation.entity';
import { DEFAULT_PERSONA_NAME, echo, greeting } from './greeter';

/**
 * Reacts to conversations: greets when one starts, answers each visitor
 * message. Visitor text arrives encrypted under the visitor's key; replies
 * leave encrypted under the same key.
 */
@Controller()
export class ConversationEventsHandler {
  constructor(private readonly cipher: PersonalDataCipher) {}

  @EventPattern(conversationStartedV1.topic)
  async onStarted(@Payload() event: EventEnvelope<ConversationStartedV1>, @Ctx() context: EventContext) {
    const state = await this.stateFor(context.manager, event.tenantId, event.payload.conversationId);
    await context.manager.update(
      BotConversation,
      { conversationId: state.conversationId },
      { locale: event.payload.locale },
    );
    await this.greetOnce(state, event.payload.visitorId, context);
  }

  @EventPattern(messagePostedV2.topic)
  async onMessage(@Payload() event: EventEnvelope<MessagePostedV2>, @Ctx() context: EventContext) {
    if (event.payload.senderKind !== 'visitor' || !event.subjectId) return;
    const visitorId = event.subjectId;
    const text = await this.cipher.decrypt(
      messageTextScope(event.tenantId, visitorId, event.payload.messageId),
      event.payload.encryptedText,
    );
    // The visitor was erased before we got here: there is nobody left to answer.
    if (text === ERASED) return;
    const state = await this.stateFor(context.manager, event.tenantId, event.payload.conversationId);
    // `started` travels on another topic and may not have arrived yet: the disclosure still comes first.
    await this.greetOnce(state, visitorId, context);
    await context.manager.increment(BotConversation, { conversationId: state.conversationId }, 'visitorTurns', 1);
    await this.reply(state, visitorId, event.payload.messageId, echo(text), context);
  }

  private async greetOnce(state: BotConversation, visitorId: string, context: EventContext): Promise<void> {
    if (state.greetedAt) return;
    state.greetedAt = new Date();
    await context.manager.update(
      BotConversation,
      { conversationId: state.conversationId },
      { greetedAt: state.greetedAt },
    );
    await this.reply(state, visitorId, null, greeting(state.personaName), context);
  }

  private async reply(
    state: BotConversation,
    visitorId: string,
    inReplyTo: string | null,
    text: string,
    context: EventContext,
  ): Promise<void> {
    const replyId = randomUUID();
    await context.publish(
      botReplyCreatedV2,
      {
        conversationId: state.conversationId,
        replyId,
        inReplyTo,
        personaName: state.personaName,
        encryptedText: await this.cipher.encrypt(messageTextScope(state.tenantId, visitorId, replyId), text),
        createdAt: new Date().toISOString(),
      },
      { subjectId: visitorId },
    );
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
