import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventMetadata, Outbox } from '@candor/messaging';
import {
  type CollectedField,
  type ConversationStatus,
  type GuardVerdict,
  type QuickReply,
  type SenderKind,
  messagePostedV3,
  messageTextScope,
} from '@candor/contracts';
import { PersonalDataCipher } from '@candor/crypto';
import type { Conversation } from './conversation.entity';
import { ConversationsRepository } from './conversations.repository';
import { Message } from './message.entity';

/** Name shown on system messages (notices, joins and leaves): never a person's. */
export const SYSTEM_DISPLAY_NAME = 'System';
export const VISITOR_DISPLAY_NAME = 'You';

export interface NewMessage {
  /** Defaults to a new id; a bot reply keeps the id the bot gave it, so a replay cannot duplicate it. */
  id?: string;
  senderKind: SenderKind;
  displayName: string;
  automated: boolean;
  /** Plain text to encrypt here, or a ciphertext another service made with `messageTextScope`. */
  text: { plaintext: string } | { ciphertext: string };
  /** Buttons offered with a bot message. */
  quickReplies?: QuickReply[];
  /** The visitor message a bot reply answers. */
  inReplyTo?: string | null;
  /** The button a visitor pressed. */
  quickReplyId?: string | null;
  /** The sensitive-data guard's verdict on a visitor message (null for everyone else). */
  guard?: GuardVerdict | null;
}

/** A stored message with its text readable, for answering the caller and the stream. */
export interface AppendedMessage {
  message: Message;
  text: string;
}

export interface AppendOptions extends Pick<EventMetadata, 'correlationId' | 'causationId'> {
  /** Append only while the conversation is in one of these states. */
  whileStatusIn?: readonly ConversationStatus[];
  /** What the bot now waits for (null: nothing); left as it is when absent. */
  awaitingField?: CollectedField | null;
  /** Sensitive-data categories the guard removed from this message: the conversation is flagged for them. */
  flagCategories?: readonly string[];
}

/**
 * Appends messages to a transcript, their text encrypted under the visitor's
 * key before it is stored or published. One UPDATE both takes the conversation's
 * row lock and hands out the next sequence number (so messages of a
 * conversation are numbered, stored and published in order), and
 * `conversation.message.posted` is written to the outbox in the same
 * transaction.
 */
@Injectable()
export class Transcript {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly outbox: Outbox,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** The stored message, or null when the conversation does not exist (in this tenant) or is in another state. */
  async append(
    manager: EntityManager,
    conversation: Pick<Conversation, 'id' | 'tenantId'>,
    message: NewMessage,
    options: AppendOptions = {},
  ): Promise<AppendedMessage | null> {
    // The message's effects on its conversation ride on the same UPDATE: one statement, not three.
    const counted = await this.conversations.countMessage(manager, conversation.tenantId, conversation.id, {
      whileStatusIn: options.whileStatusIn,
      awaitingField: options.awaitingField,
      flagCategories: options.flagCategories ?? [],
    });
    if (!counted) return null;
    const id = message.id ?? randomUUID();
    const scope = messageTextScope(conversation.tenantId, counted.visitorId, id);
    const { ciphertext, text } =
      'plaintext' in message.text
        ? { ciphertext: await this.cipher.encrypt(scope, message.text.plaintext), text: message.text.plaintext }
        : { ciphertext: message.text.ciphertext, text: await this.cipher.decrypt(scope, message.text.ciphertext) };
    const stored = manager.create(Message, {
      id,
      tenantId: conversation.tenantId,
      conversationId: conversation.id,
      sequence: counted.sequence,
      senderKind: message.senderKind,
      displayName: message.displayName,
      automated: message.automated,
      textCiphertext: ciphertext,
      quickReplies: message.quickReplies ?? [],
      inReplyTo: message.inReplyTo ?? null,
      createdAt: new Date(),
    });
    await manager.insert(Message, stored);
    await this.outbox.enqueue(
      manager,
      messagePostedV3,
      {
        conversationId: conversation.id,
        messageId: stored.id,
        sequence: stored.sequence,
        senderKind: stored.senderKind,
        automated: stored.automated,
        encryptedText: stored.textCiphertext,
        quickReplyId: message.quickReplyId ?? null,
        guard: message.guard ?? null,
        conversationStatus: counted.status,
        postedAt: stored.createdAt.toISOString(),
      },
      {
        tenantId: conversation.tenantId,
        subjectId: counted.visitorId,
        correlationId: options.correlationId,
        causationId: options.causationId,
      },
    );
    return { message: stored, text };
  }

  /** Deletes the tenant's messages (with its conversations locked first: see `ConversationsRepository.lockTenant`). */
  async deleteTenant(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query('DELETE FROM "conversation"."messages" WHERE "tenant_id" = $1', [tenantId]);
  }
}
