import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, type FindOptionsWhere, IsNull, LessThan, Not } from 'typeorm';
import type { CollectedField, ConversationStatus } from '@candor/contracts';
import { inCrossTenantScope, inTenantScope } from '@candor/tenant-isolation';
import type { GuardAction } from '../guard/guard-policy';
import { Conversation } from './conversation.entity';

/** What a visitor's message needs to know of its conversation, read under the conversation's row lock. */
export interface ConversationForMessage {
  status: ConversationStatus;
  awaitingField: CollectedField | null;
  guardPolicy: Record<string, GuardAction>;
}

/** What appending a message changes on its conversation (see `Transcript.append`). */
export interface MessageEffects {
  /** Only while the conversation is in one of these states (any state when absent). */
  whileStatusIn?: readonly ConversationStatus[];
  /** Set what the bot waits for (null: nothing); left as it is when absent. */
  awaitingField?: CollectedField | null;
  /** Categories the guard acted on: the conversation is flagged for them. */
  flagCategories: readonly string[];
}

/** The `conversations` table: every statement on it, each in the caller's transaction and for one tenant. */
@Injectable()
export class ConversationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, conversation: Conversation): Promise<void> {
    await manager.insert(Conversation, conversation);
  }

  /** The conversation, locked until the transaction ends when `lock` is set. */
  find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<Conversation | null> {
    return manager.findOne(Conversation, {
      where: { id, tenantId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Locks the conversation for a visitor's message and reads what the guard needs (the tenant's policy too). */
  async lockForVisitorMessage(
    manager: EntityManager,
    tenantId: string,
    id: string,
  ): Promise<ConversationForMessage | null> {
    const [row] = (await manager.query(
      `SELECT c."status", c."awaiting_field", t."guard_policy"
       FROM "conversation"."conversations" c JOIN "conversation"."tenants" t ON t."id" = c."tenant_id"
       WHERE c."id" = $1 AND c."tenant_id" = $2 FOR UPDATE OF c`,
      [id, tenantId],
    )) as {
      status: ConversationStatus;
      awaiting_field: CollectedField | null;
      guard_policy: Record<string, GuardAction>;
    }[];
    return row ? { status: row.status, awaitingField: row.awaiting_field, guardPolicy: row.guard_policy } : null;
  }

  /**
   * Counts a new message on its conversation and applies its effects, in one statement: the message's sequence
   * number, the visitor (whose key encrypts it) and the status it was posted in; null when the conversation does not
   * exist in this tenant or is in another state.
   */
  async countMessage(
    manager: EntityManager,
    tenantId: string,
    id: string,
    effects: MessageEffects,
  ): Promise<{ sequence: number; visitorId: string; status: ConversationStatus } | null> {
    const [rows] = await manager.query(
      `UPDATE "conversation"."conversations" SET "message_count" = "message_count" + 1,
         "awaiting_field" = CASE WHEN $4::boolean THEN $5 ELSE "awaiting_field" END,
         "flagged_categories" = CASE WHEN cardinality($6::text[]) = 0 THEN "flagged_categories"
           ELSE ARRAY(SELECT DISTINCT unnest("flagged_categories" || $6::text[]) ORDER BY 1) END,
         "flagged_at" = CASE WHEN cardinality($6::text[]) = 0 THEN "flagged_at" ELSE coalesce("flagged_at", now()) END
       WHERE "id" = $1 AND "tenant_id" = $2 AND ($3::text[] IS NULL OR "status" = ANY($3::text[]))
       RETURNING "message_count", "visitor_id", "status"`,
      [
        id,
        tenantId,
        effects.whileStatusIn ?? null,
        effects.awaitingField !== undefined,
        effects.awaitingField ?? null,
        effects.flagCategories,
      ],
    );
    if (rows.length === 0) return null;
    return { sequence: rows[0].message_count, visitorId: rows[0].visitor_id, status: rows[0].status };
  }

  async setStatus(
    manager: EntityManager,
    conversation: Pick<Conversation, 'id' | 'tenantId' | 'status' | 'agentKeyId' | 'agentDisplayName'>,
  ): Promise<void> {
    await manager.update(
      Conversation,
      { id: conversation.id, tenantId: conversation.tenantId },
      {
        status: conversation.status,
        agentKeyId: conversation.agentKeyId,
        agentDisplayName: conversation.agentDisplayName,
      },
    );
  }

  /** The tenant's conversations, newest first, filtered. */
  list(
    tenantId: string,
    filter: { status?: Conversation['status']; flagged?: boolean; before?: Date; limit: number },
  ): Promise<Conversation[]> {
    const where: FindOptionsWhere<Conversation> = { tenantId };
    if (filter.status) where.status = filter.status;
    if (filter.flagged !== undefined) where.flaggedAt = filter.flagged ? Not(IsNull()) : IsNull();
    if (filter.before) where.startedAt = LessThan(filter.before);
    return inTenantScope(this.dataSource, tenantId, (manager) =>
      manager.find(Conversation, { where, order: { startedAt: 'DESC' }, take: filter.limit }),
    );
  }

  /** Of the given conversations (of any tenant: the socket re-check), those that exist and are not closed. */
  async openIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await inCrossTenantScope(this.dataSource, 'stream-recheck', (manager) =>
      manager.query(
        `SELECT "id" FROM "conversation"."conversations" WHERE "id" = ANY($1::uuid[]) AND "status" <> 'closed'`,
        [ids],
      ),
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Locks all the tenant's conversations: a message being appended holds its conversation's row, so waiting for
   * those (and keeping new ones out) means no message lands while the tenant's rows are deleted.
   */
  async lockTenant(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query('SELECT 1 FROM "conversation"."conversations" WHERE "tenant_id" = $1 FOR UPDATE', [tenantId]);
  }

  /** Deletes the tenant's conversations (their messages first: see `Transcript.deleteTenant`). */
  async deleteTenant(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query('DELETE FROM "conversation"."conversations" WHERE "tenant_id" = $1', [tenantId]);
  }
}
