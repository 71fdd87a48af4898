import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@candor/auth';
import { inGivenOrNewTenantScope } from '@candor/tenant-isolation';
import { ConversationsRepository } from './conversations.repository';
import { ConversationError } from '../conversation-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one place that decides whether a caller may see a conversation: same
 * tenant, and for a visitor, the conversation of their token. Anything else is
 * a 404, so callers learn nothing about conversations that are not theirs.
 */
@Injectable()
export class ConversationAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationsRepository,
  ) {}

  /**
   * The conversation, locked until the transaction ends when `lock` is set. In `manager`'s transaction (scoped to
   * the caller's tenant), or in one of its own.
   */
  async findConversation(principal: Principal, conversationId: string, manager?: EntityManager, lock = false) {
    this.assertMaySee(principal, conversationId);
    const conversation = await inGivenOrNewTenantScope(manager, this.dataSource, principal.tenantId, (scoped) =>
      this.conversations.find(scoped, principal.tenantId, conversationId, lock),
    );
    if (!conversation) throw notFound();
    return conversation;
  }

  /** The answer to any conversation a caller may not see or that does not exist. */
  notFound(): ConversationError {
    return notFound();
  }

  /** The checks that need no database: a visitor sees only the conversation of their token. */
  assertMaySee(principal: Principal, conversationId: string): void {
    const visible = principal.kind !== 'visitor' || principal.conversationId === conversationId;
    if (!visible || !UUID.test(conversationId)) throw notFound();
  }
}

function notFound(): ConversationError {
  return new ConversationError('not_found', 'No such conversation');
}
