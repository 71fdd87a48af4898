import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BotConversation } from './bot-conversation.entity';

type Consents = Record<string, string>;

/**
 * Why the bot may keep what it collected. A value is kept for the purposes in `purposes`: consents the
 * consent ledger has recorded, or a purpose of the bot's own such as a message left for the team. A grant
 * made in the chat only holds values (`pending_purposes`) until the ledger announces it (fail closed). A
 * value nothing covers is deleted: at a decline, when its conversation closes, and after a short
 * retention, which also ends the hold of a grant the ledger never recorded.
 */
@Injectable()
export class CollectedValues {
  /** The visitor granted a purpose in the chat: pending until the ledger records it. */
  async grant(manager: EntityManager, conversation: BotConversation, purpose: string, formId: string): Promise<void> {
    await this.remember(manager, conversation, {
      grantedConsents: conversation.grantedConsents,
      pendingConsents: { ...conversation.pendingConsents, [purpose]: formId },
    });
    await manager.query(
      `UPDATE "bot_engine"."captured_fields" SET "pending_purposes" = array_append("pending_purposes", $2)
       WHERE "conversation_id" = $1 AND NOT ($2 = ANY("pending_purposes"))`,
      [conversation.conversationId, purpose],
    );
  }

  /** The visitor declined or withdrew a purpose in the chat: what nothing else covers goes at once. */
  async release(manager: EntityManager, conversation: BotConversation, purpose: string): Promise<void> {
    await this.remember(manager, conversation, {
      grantedConsents: without(conversation.grantedConsents, purpose),
      pendingConsents: without(conversation.pendingConsents, purpose),
    });
    await manager.query(
      `UPDATE "bot_engine"."captured_fields"
       SET "purposes" = array_remove("purposes", $2), "pending_purposes" = array_remove("pending_purposes", $2)
       WHERE "conversation_id" = $1`,
      [conversation.conversationId, purpose],
    );
    await this.discardUncovered(manager, conversation.conversationId);
  }

  /** The ledger recorded a grant: what the visitor's chat grants of that purpose held is now kept for it. */
  async confirm(manager: EntityManager, tenantId: string, visitorId: string, purpose: string): Promise<void> {
    const scope = [tenantId, visitorId, purpose];
    await manager.query(
      `UPDATE "bot_engine"."bot_conversations"
       SET "granted_consents" = "granted_consents" || jsonb_build_object($3::text, "pending_consents" -> $3),
           "pending_consents" = "pending_consents" - $3
       WHERE "tenant_id" = $1 AND "visitor_id" = $2 AND "pending_consents" ? $3`,
      scope,
    );
    await manager.query(
      `UPDATE "bot_engine"."captured_fields"
       SET "purposes" = array_append("purposes", $3), "pending_purposes" = array_remove("pending_purposes", $3)
       WHERE "tenant_id" = $1 AND "visitor_id" = $2 AND $3 = ANY("pending_purposes")`,
      scope,
    );
  }

  /**
   * The ledger recorded a withdrawal or expiry (from any channel): nothing of the visitor is kept for it.
   * A chat grant still pending was made after it in the ledger's order, so it stays pending.
   */
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
       WHERE "tenant_id" = $1 AND "visitor_id" = $2 AND "purposes" = ARRAY[$3]::text[]
         AND cardinality("pending_purposes") = 0`,
      scope,
    );
    await manager.query(
      `UPDATE "bot_engine"."captured_fields" SET "purposes" = array_remove("purposes", $3)
       WHERE "tenant_id" = $1 AND "visitor_id" = $2 AND $3 = ANY("purposes")`,
      scope,
    );
  }

  /** What nothing covers or holds in a conversation goes (a decline, the conversation closed). */
  async discardUncovered(manager: EntityManager, conversationId: string): Promise<void> {
    await manager.query(
      `DELETE FROM "bot_engine"."captured_fields"
       WHERE "conversation_id" = $1 AND cardinality("purposes") = 0 AND cardinality("pending_purposes") = 0`,
      [conversationId],
    );
  }

  /**
   * Values no recorded consent covers, collected before `before`, in every conversation: abandoned at the
   * consent question, or held by a grant the ledger did not record in time. Returns how many went.
   */
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
    consents: { grantedConsents: Consents; pendingConsents: Consents },
  ): Promise<void> {
    Object.assign(conversation, consents);
    await manager.update(BotConversation, { conversationId: conversation.conversationId }, consents);
  }
}

function without(consents: Consents, purpose: string): Consents {
  return Object.fromEntries(Object.entries(consents).filter(([granted]) => granted !== purpose));
}
