import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BotConversation } from './bot-conversation.entity';

/**
 * Why the bot may keep what it collected. A value is kept for the purposes in `purposes` (the consents
 * granted in its conversation, or a purpose of the bot's own such as a message left for the team); a value
 * no purpose covers is deleted: at a decline, when its conversation closes, and after a short retention
 * for a conversation abandoned at the consent question.
 */
@Injectable()
export class CollectedValues {
  /** The visitor granted a purpose in the chat: the conversation's values are kept for it. */
  async grant(manager: EntityManager, conversation: BotConversation, purpose: string, formId: string): Promise<void> {
    await this.remember(manager, conversation, { ...conversation.grantedConsents, [purpose]: formId });
    await manager.query(
      `UPDATE "bot_engine"."captured_fields" SET "purposes" = array_append("purposes", $2)
       WHERE "conversation_id" = $1 AND NOT ($2 = ANY("purposes"))`,
      [conversation.conversationId, purpose],
    );
  }

  /** The visitor declined or withdrew a purpose in the chat: what nothing else covers goes at once. */
  async release(manager: EntityManager, conversation: BotConversation, purpose: string): Promise<void> {
    const others = Object.entries(conversation.grantedConsents).filter(([granted]) => granted !== purpose);
    await this.remember(manager, conversation, Object.fromEntries(others));
    await manager.query(
      `UPDATE "bot_engine"."captured_fields" SET "purposes" = array_remove("purposes", $2) WHERE "conversation_id" = $1`,
      [conversation.conversationId, purpose],
    );
    await this.discardUncovered(manager, conversation.conversationId);
  }

  /** A withdrawal or expiry recorded by the ledger (from any channel): nothing of the visitor is kept for it. */
  async withdraw(manager: EntityManager, tenantId: string, visitorId: string, purpose: string): Promise<void> {
    const scope = [tenantId, visitorId, purpose];
    // Values collected later in the visitor's conversations are no longer kept for it either.
    await manager.query(
      `UPDATE "bot_engine"."bot_conversations" SET "granted_consents" = "granted_consents" - $3
       WHERE "tenant_id" = $1 AND "visitor_id" = $2 AND "granted_consents" ? $3`,
      scope,
    );
    await manager.query(
      `DELETE FROM "bot_engine"."captured_fields"
       WHERE "tenant_id" = $1 AND "visitor_id" = $2 AND "purposes" = ARRAY[$3]::text[]`,
      scope,
    );
    await manager.query(
      `UPDATE "bot_engine"."captured_fields" SET "purposes" = array_remove("purposes", $3)
       WHERE "tenant_id" = $1 AND "visitor_id" = $2 AND $3 = ANY("purposes")`,
      scope,
    );
  }

  /** What no purpose covers in a conversation goes (a decline, the conversation closed). */
  async discardUncovered(manager: EntityManager, conversationId: string): Promise<void> {
    await manager.query(
      `DELETE FROM "bot_engine"."captured_fields" WHERE "conversation_id" = $1 AND cardinality("purposes") = 0`,
      [conversationId],
    );
  }

  /** Values no purpose covers, collected before `before`, in every conversation: returns how many went. */
  async sweep(manager: EntityManager, before: Date): Promise<number> {
    const [, deleted] = await manager.query(
      `DELETE FROM "bot_engine"."captured_fields" WHERE cardinality("purposes") = 0 AND "captured_at" < $1`,
      [before],
    );
    return deleted;
  }

  private async remember(
    manager: EntityManager,
    conversation: BotConversation,
    grantedConsents: Record<string, string>,
  ): Promise<void> {
    conversation.grantedConsents = grantedConsents;
    await manager.update(BotConversation, { conversationId: conversation.conversationId }, { grantedConsents });
  }
}
