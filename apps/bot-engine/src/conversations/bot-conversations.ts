import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BotConversation } from './bot-conversation.entity';

const COLUMNS = [
  'conversation_id',
  'tenant_id',
  'persona_name',
  'locale',
  'greeted_at',
  'visitor_turns',
  'status',
  'turn_state',
  'playbook_key',
  'playbook_version',
  'jurisdiction',
  'page_url',
  'privacy_notice_version',
  'privacy_policy_url',
  'visitor_id',
  'granted_consents',
  'pending_consents',
  'created_at',
] as const;

/** The bot's per-conversation state, read and written inside the event's transaction. */
@Injectable()
export class BotConversations {
  /**
   * The state, created on first sight and locked for this transaction: `started`, `message.posted`
   * and `status.changed` travel on different topics, so any of them may arrive first.
   */
  async lock(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    personaName: string,
    visitorId: string | null,
  ) {
    const [row] = await manager.query(
      `INSERT INTO "bot_engine"."bot_conversations" ("conversation_id", "tenant_id", "persona_name", "visitor_id")
       VALUES ($1, $2, $3, $4)
       ON CONFLICT ("conversation_id") DO UPDATE
         SET "visitor_id" = coalesce("bot_conversations"."visitor_id", EXCLUDED."visitor_id")
       RETURNING ${COLUMNS.map((column) => `"${column}"`).join(', ')}`,
      [conversationId, tenantId, personaName, visitorId],
    );
    if (row.tenant_id !== tenantId) {
      throw new Error('conversation id already belongs to another tenant');
    }
    return manager.create(BotConversation, {
      conversationId: row.conversation_id,
      tenantId: row.tenant_id,
      personaName: row.persona_name,
      locale: row.locale,
      greetedAt: row.greeted_at,
      visitorTurns: row.visitor_turns,
      status: row.status,
      turnState: row.turn_state,
      playbookKey: row.playbook_key,
      playbookVersion: row.playbook_version,
      jurisdiction: row.jurisdiction,
      pageUrl: row.page_url,
      privacyNoticeVersion: row.privacy_notice_version,
      privacyPolicyUrl: row.privacy_policy_url,
      visitorId: row.visitor_id,
      grantedConsents: row.granted_consents,
      pendingConsents: row.pending_consents,
      createdAt: row.created_at,
    });
  }

  async save(manager: EntityManager, state: BotConversation, changes: Partial<BotConversation>): Promise<void> {
    Object.assign(state, changes);
    await manager.update(BotConversation, { conversationId: state.conversationId }, changes);
  }
}
