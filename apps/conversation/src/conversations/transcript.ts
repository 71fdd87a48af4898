import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventMetadata, Outbox } from '@candor/messaging';
import { type SenderKind, messagePostedV1 } from '@candor/contracts';
import { Conversation } from './conversation.entity';
import { Message } from './message.entity';

export interface NewMessage {
  /** Defaults to a new id; a bot reply keeps the id the bot gave it, so a replay cannot duplicate it. */
  id?: string;
  senderKind: SenderKind;
  displayName: string;
  automated: boolean;
  text: string;
}

/**
 * Appends messages to a transcript: the next sequence number is taken under
 * the conversation's row lock, and `conversation.message.posted` is written to
 * the outbox in the same transaction.
 */
@Injectable()
export class Transcript {
  constructor(private readonly outbox: Outbox) {}

  async append(
    manager: EntityManager,
    conversation: Pick<Conversation, 'id' | 'tenantId' | 'visitorId'>,
    message: NewMessage,
    causation: Pick<EventMetadata, 'correlationId' | 'causationId'> = {},
  ): Promise<Message> {
    const [rows] = await manager.query(
      `UPDATE "conversation"."conversations" SET "message_count" = "message_count" + 1
       WHERE "id" = $1 AND "tenant_id" = $2 RETURNING "message_count"`,
      [conversation.id, conversation.tenantId],
    );
    const stored = manager.create(Message, {
      id: message.id ?? randomUUID(),
      tenantId: conversation.tenantId,
      conversationId: conversation.id,
      sequence: rows[0].message_count,
      senderKind: message.senderKind,
      displayName: message.displayName,
      automated: message.automated,
      text: message.text,
      createdAt: new Date(),
    });
    await manager.insert(Message, stored);
    await this.outbox.enqueue(
      manager,
      messagePostedV1,
      {
        conversationId: conversation.id,
        messageId: stored.id,
        sequence: stored.sequence,
        senderKind: stored.senderKind,
        automated: stored.automated,
        text: stored.text,
        postedAt: stored.createdAt.toISOString(),
      },
      { tenantId: conversation.tenantId, subjectId: conversation.visitorId, ...causation },
    );
    return stored;
  }
}
