import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RecentlyUsed } from '../caching/recently-used';
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
  'revision',
] as const;

/** States remembered (ids, turn state and consents, no personal data), most recently saved last: some 10 MB at most. */
const REMEMBERED_STATES = 10_000;

/**
 * The bot's per-conversation state, read and written inside the event's transaction. The state this process
 * last saved is remembered with its revision, so a message can be answered from it with one UPDATE that
 * applies only while the row is still at that revision (see `save`).
 */
@Injectable()
export class BotConversations {
  private readonly remembered = new RecentlyUsed<BotConversation>({ maxEntries: REMEMBERED_STATES });

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
      revision: row.revision,
    });
  }

  /** A copy of the state as this process last saved it, if it did: it may be outdated (see `save`). */
  lastSaved(tenantId: string, conversationId: string): BotConversation | null {
    const state = this.remembered.get(conversationId);
    return state && state.tenantId === tenantId ? structuredClone(state) : null;
  }

  /**
   * Writes the changes; with `unlessChangedSince`, only if the row is still at that revision, which also takes
   * its row lock: false means someone wrote it since (another handler or instance), and nothing was written.
   * The state saved is remembered at once, before commit: a revision of a transaction that rolls back is never
   * seen again, so remembering it can only cost a later message the longer way.
   */
  async save(
    manager: EntityManager,
    state: BotConversation,
    changes: Partial<BotConversation>,
    unlessChangedSince?: string,
  ): Promise<boolean> {
    const update = manager
      .createQueryBuilder()
      .update(BotConversation)
      .set(changes)
      .where(`"conversation_id" = :id`, { id: state.conversationId });
    if (unlessChangedSince) update.andWhere(`"revision" = :revision`, { revision: unlessChangedSince });
    const { raw } = await update.returning(['revision']).execute();
    const [written] = raw as { revision: string }[];
    if (!written) return false;
    Object.assign(state, changes, { revision: written.revision });
    this.remember(state);
    return true;
  }

  private remember(state: BotConversation): void {
    this.remembered.set(state.conversationId, structuredClone(state));
  }
}
