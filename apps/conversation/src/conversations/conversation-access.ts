import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@candor/auth';
import { ApiException } from '@candor/platform';
import { Conversation } from './conversation.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one place that decides whether a caller may see a conversation: same
 * tenant, and for a visitor, the conversation of their token. Anything else is
 * a 404, so callers learn nothing about conversations that are not theirs.
 */
@Injectable()
export class ConversationAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findConversation(principal: Principal, conversationId: string, manager?: EntityManager, lock = false) {
    const visible = principal.kind !== 'visitor' || principal.conversationId === conversationId;
    const conversation =
      visible && UUID.test(conversationId)
        ? await (manager ?? this.dataSource.manager).findOne(Conversation, {
            where: { id: conversationId, tenantId: principal.tenantId },
            ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
          })
        : null;
    if (!conversation) {
      throw new ApiException(404, 'not_found', 'No such conversation');
    }
    return conversation;
  }
}
