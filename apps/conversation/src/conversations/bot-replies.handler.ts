import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type BotReplyCreatedV2, type EventEnvelope, botReplyCreatedV2 } from '@candor/contracts';
import type { EventContext } from '@candor/messaging';
import { ConversationStreamGateway } from './conversation-stream.gateway';
import { MessageView } from './dto/conversation.views';
import { Transcript } from './transcript';

/** Stores the bot's replies in the transcript, labelled as automated, and streams them to the visitor. */
@Controller()
export class BotRepliesHandler {
  constructor(
    private readonly transcript: Transcript,
    private readonly stream: ConversationStreamGateway,
  ) {}

  @EventPattern(botReplyCreatedV2.topic)
  async onReply(@Payload() event: EventEnvelope<BotReplyCreatedV2>, @Ctx() context: EventContext): Promise<void> {
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
      },
      // The bot stays silent while a human holds the conversation, and after it closed.
      { whileStatusIn: ['bot'], correlationId: event.correlationId, causationId: event.id },
    );
    if (appended) context.afterCommit(() => this.stream.push(MessageView.of(appended.message, appended.text)));
  }
}
