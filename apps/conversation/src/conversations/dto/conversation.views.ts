import { ApiProperty } from '@nestjs/swagger';
import { SENDER_KINDS, type SenderKind } from '@candor/contracts';
import { CONVERSATION_STATUSES, type Conversation, type ConversationStatus } from '../conversation.entity';
import type { Message } from '../message.entity';

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ description: 'Position in the conversation, from 1' }) sequence: number;
  @ApiProperty({ enum: SENDER_KINDS, description: 'Who sent it: visitor, bot, human agent or system' })
  senderKind: SenderKind;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'True when no human wrote it (bot and system messages)' }) automated: boolean;
  @ApiProperty({ description: 'The text, or "[erased]" once the visitor was erased' }) text: string;
  @ApiProperty() createdAt: string;

  /** `text` is the decrypted text (stored messages hold only ciphertext). */
  static of(message: Message, text: string): MessageView {
    return {
      id: message.id,
      conversationId: message.conversationId,
      sequence: message.sequence,
      senderKind: message.senderKind,
      displayName: message.displayName,
      automated: message.automated,
      text,
      createdAt: message.createdAt.toISOString(),
    };
  }
}

export class PrivacyNoticeView {
  @ApiProperty() version: string;
  @ApiProperty() text: string;
  @ApiProperty() policyUrl: string;
}

export class ConversationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CONVERSATION_STATUSES }) status: ConversationStatus;
  @ApiProperty({ nullable: true, type: String }) locale: string | null;
  @ApiProperty({ description: 'Version of the privacy notice shown at the start' }) privacyNoticeVersion: string;
  @ApiProperty() startedAt: string;

  static of(conversation: Conversation): ConversationView {
    return {
      id: conversation.id,
      status: conversation.status,
      locale: conversation.locale,
      privacyNoticeVersion: conversation.privacyNoticeVersion,
      startedAt: conversation.startedAt.toISOString(),
    };
  }
}

export class StartedConversationView {
  @ApiProperty({ type: ConversationView }) conversation: ConversationView;
  @ApiProperty({ type: PrivacyNoticeView, description: 'Show this before the transcript' })
  privacyNotice: PrivacyNoticeView;
  @ApiProperty({ description: 'Bearer token for this visitor in this conversation only' }) visitorToken: string;
  @ApiProperty() visitorTokenExpiresAt: string;
  @ApiProperty({ type: [MessageView], description: 'Messages so far (the notice, as a system message)' })
  messages: MessageView[];
}
