import { ApiProperty } from '@nestjs/swagger';
import {
  CONVERSATION_STATUSES,
  type ConversationStatus,
  GUARD_OUTCOMES,
  type GuardOutcome,
  type GuardVerdict,
  type QuickReply,
  SENDER_KINDS,
  type SenderKind,
} from '@candor/contracts';
import type { Conversation } from '../conversation.entity';
import type { Message } from '../message.entity';

export class QuickReplyView {
  @ApiProperty({ description: 'Send this as quickReplyId to press the button' }) id: string;
  @ApiProperty() label: string;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ description: 'Position in the conversation, from 1' }) sequence: number;
  @ApiProperty({ enum: SENDER_KINDS, description: 'Who sent it: visitor, bot, human agent or system' })
  senderKind: SenderKind;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'True when no human wrote it (bot and system messages)' }) automated: boolean;
  @ApiProperty({ description: 'The text, or "[erased]" once the visitor was erased' }) text: string;
  @ApiProperty({ type: [QuickReplyView], description: 'Buttons offered with a bot message' })
  quickReplies: QuickReply[];
  @ApiProperty({ nullable: true, type: String, description: 'For a bot reply: the visitor message it answers' })
  inReplyTo: string | null;
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
      quickReplies: message.quickReplies,
      inReplyTo: message.inReplyTo,
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
  @ApiProperty({ type: [String], description: 'Sensitive-data categories the guard acted on: route to a trained team' })
  flaggedCategories: string[];
  @ApiProperty({ nullable: true, type: String }) flaggedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Name shown for the agent holding the conversation' })
  agentDisplayName: string | null;

  static of(conversation: Conversation): ConversationView {
    return {
      id: conversation.id,
      status: conversation.status,
      locale: conversation.locale,
      privacyNoticeVersion: conversation.privacyNoticeVersion,
      startedAt: conversation.startedAt.toISOString(),
      flaggedCategories: conversation.flaggedCategories,
      flaggedAt: conversation.flaggedAt?.toISOString() ?? null,
      // A conversation just started (not read back) has no agent field yet.
      agentDisplayName: conversation.agentDisplayName ?? null,
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

export class GuardVerdictView {
  @ApiProperty({ enum: GUARD_OUTCOMES }) outcome: GuardOutcome;
  @ApiProperty({ type: [String], description: 'Categories found (never the values)' }) categories: string[];
}

export class PostedMessageView extends MessageView {
  @ApiProperty({
    type: GuardVerdictView,
    description: 'What the sensitive-data guard did before storing: the stored text is `text`',
  })
  guard: GuardVerdict;
}
