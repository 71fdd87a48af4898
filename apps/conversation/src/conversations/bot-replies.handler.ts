import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type BotReplyCreatedV3, type EventEnvelope, botReplyCreatedV3 } from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { ConversationStreamGateway } from './conversation-stream.gateway';
import { MessageView } from './dto/conversation.views';
import { Transcript } from './transcript';

/**
 * Stores the bot's replies in the transcript, labelled as automated, and streams them to the visitor.
 * A reply that asks for a field is remembered, so the guard lets the visitor's answer through.
 */
@Controller()
export class BotRepliesHandler {
  constructor(
    private readonly transcript: Transcript,
    private readonly stream: ConversationStreamGateway,
  ) {}

  @EventPattern(botReplyCreatedV3.topic)
  async onReply(@Payload() event: EventEnvelope<BotReplyCreatedV3>, @Ctx() context: EventContext): Promise<void> {
    const reply = event.payload;
    const appended = await this.transcript.append(
      context.manager,
      { id: reply.conversationId, tenantId: event.tenantId },
      {
        id: reply.replyId,
        senderKind: 'bot',
        displayName: reply.personaName,
        automated: true,
        text: { ciphertext: reply.encryptedText },
        quickReplies: reply.quickReplies,
        inReplyTo: reply.inReplyTo,
      },
      // The bot stays silent while a human holds the conversation, and after it closed; a visitor waiting
      // in the queue still gets its answers (forget me, are you a bot, stop, privacy, you are in the queue).
      {
        whileStatusIn: ['bot', 'waiting_for_human'],
        awaitingField: reply.expects,
        correlationId: event.correlationId,
        causationId: event.id,
      },
    );
    if (!appended) return;
    context.afterCommit(() => this.stream.push(MessageView.of(appended.message, appended.text)));
  }
}
