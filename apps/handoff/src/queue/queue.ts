import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A conversation waiting for a person, and the event that put it in the queue (for tracing its timeout). */
export interface QueueEntry {
  conversationId: string;
  tenantId: string;
  /** The visitor's pseudonym, so the timeout reaches the bot under the right subject. */
  visitorId: string | null;
  waitingSince: Date;
  correlationId: string;
  causationId: string;
}

export interface TimedOutEntry extends QueueEntry {
  timedOutAt: Date;
}

const RETURNED = `"conversation_id" AS "conversationId", "tenant_id" AS "tenantId", "visitor_id" AS "visitorId",
  "waiting_since" AS "waitingSince", "correlation_id" AS "correlationId", "causation_id" AS "causationId",
  "timed_out_at" AS "timedOutAt"`;

/**
 * The hand-off queue: a conversation is in it from the moment the conversation service says the visitor waits
 * for a person until it says otherwise (a person joined, the visitor stopped waiting, it closed).
 */
@Injectable()
export class Queue {
  /** Waiting (again): the clock starts at `waitingSince`, and a timeout may be announced once more. */
  async enter(manager: EntityManager, entry: QueueEntry): Promise<void> {
    await manager.query(
      `INSERT INTO "handoff"."queue_entries"
         ("conversation_id", "tenant_id", "visitor_id", "waiting_since", "correlation_id", "causation_id")
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("conversation_id") DO UPDATE
         SET "visitor_id" = EXCLUDED."visitor_id", "waiting_since" = EXCLUDED."waiting_since", "timed_out_at" = NULL,
             "correlation_id" = EXCLUDED."correlation_id", "causation_id" = EXCLUDED."causation_id"
         WHERE "queue_entries"."tenant_id" = EXCLUDED."tenant_id"`,
      [
        entry.conversationId,
        entry.tenantId,
        entry.visitorId,
        entry.waitingSince,
        entry.correlationId,
        entry.causationId,
      ],
    );
  }

  /** An off-boarded tenant's conversations can no longer wait. */
  async deleteTenant(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query(`DELETE FROM "handoff"."queue_entries" WHERE "tenant_id" = $1`, [tenantId]);
  }

  async leave(manager: EntityManager, tenantId: string, conversationId: string): Promise<void> {
    await manager.query(`DELETE FROM "handoff"."queue_entries" WHERE "conversation_id" = $1 AND "tenant_id" = $2`, [
      conversationId,
      tenantId,
    ]);
  }

  /**
   * Up to `limit` entries that have waited at least `timeoutMs` and were not announced yet, marked as timed out
   * in the same statement. Rows another instance is sweeping are skipped (SKIP LOCKED) rather than waited for,
   * and the mark holds once the caller's transaction commits, so each wait times out exactly once.
   */
  async takeOverdue(manager: EntityManager, timeoutMs: number, limit: number): Promise<TimedOutEntry[]> {
    const [rows] = await manager.query(
      `UPDATE "handoff"."queue_entries" SET "timed_out_at" = now()
       WHERE "conversation_id" IN (
         SELECT "conversation_id" FROM "handoff"."queue_entries"
         WHERE "timed_out_at" IS NULL AND "waiting_since" <= now() - $1 * interval '1 millisecond'
         ORDER BY "waiting_since"
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
       RETURNING ${RETURNED}`,
      [timeoutMs, limit],
    );
    return rows;
  }
}
