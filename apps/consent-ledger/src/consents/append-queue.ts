import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ConsentEntry } from '@candor/consent-evidence';
import { refusalBody } from '@candor/platform';
import { inTenantScope } from '@candor/tenant-isolation';
import { type EntryDraft, assertValidDraft } from '../ledger/consent-log';
import { type ConsentDecision, ConsentRecorder, toDraft } from './consent-recorder';
import { LedgerError } from '../ledger-error';

interface Waiting {
  decision: ConsentDecision;
  /** SHA-256 of the client's Idempotency-Key: a retry with the same key gets the first entry back. */
  idempotencyKey: string | null;
  /** SHA-256 of the decision as asked (without the time it arrived): the same key with another request is refused. */
  requestDigest: string;
  resolve(entry: ConsentEntry): void;
  reject(error: unknown): void;
}

/** Decisions appended in one transaction at most: keeps each commit short. */
const MAX_GROUP = 1_000;

/**
 * Group commit for single decisions: a tenant's log takes one append at a time (its right edge is
 * locked), so decisions that arrive while a transaction is in flight are appended together by the
 * next one. Nobody waits for a timer; each caller is answered only once its entry is committed, and
 * a decision refused on its own merits (an unknown form) does not hold back the others.
 */
@Injectable()
export class AppendQueue {
  private readonly logger = new Logger(AppendQueue.name);
  private readonly queues = new Map<string, Waiting[]>();
  private readonly flushing = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: ConsentRecorder,
  ) {}

  submit(tenantId: string, decision: ConsentDecision, clientKey: string | null = null): Promise<ConsentEntry> {
    assertValidDraft(tenantId, toDraft(decision, decision.formVersion ?? null, null));
    // Only a digest of the client's key is kept: nothing stops a client from using an email as its key.
    const idempotencyKey = clientKey ? sha256(clientKey) : null;
    // toDecision builds every decision with the same keys in the same order: its JSON is a stable fingerprint.
    const requestDigest = sha256(JSON.stringify({ ...decision, recordedAt: null }));
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(tenantId) ?? [];
      // The same key already waiting: share its outcome rather than append a twin.
      const twin = idempotencyKey ? queue.find((waiting) => waiting.idempotencyKey === idempotencyKey) : undefined;
      if (twin && twin.requestDigest !== requestDigest) {
        reject(keyReused());
        return;
      }
      if (twin) {
        const [resolveTwin, rejectTwin] = [twin.resolve, twin.reject];
        twin.resolve = (entry) => (resolveTwin(entry), resolve(entry));
        twin.reject = (error) => (rejectTwin(error), reject(error));
        return;
      }
      queue.push({ decision, idempotencyKey, requestDigest, resolve, reject });
      this.queues.set(tenantId, queue);
      if (!this.flushing.has(tenantId)) void this.flush(tenantId);
    });
  }

  private async flush(tenantId: string): Promise<void> {
    this.flushing.add(tenantId);
    try {
      for (let queue = this.take(tenantId); queue.length > 0; queue = this.take(tenantId)) {
        await this.appendGroup(tenantId, queue);
      }
    } finally {
      this.flushing.delete(tenantId);
    }
  }

  private take(tenantId: string): Waiting[] {
    const queue = this.queues.get(tenantId) ?? [];
    const group = queue.splice(0, MAX_GROUP);
    if (queue.length === 0) this.queues.delete(tenantId);
    return group;
  }

  private async appendGroup(tenantId: string, group: Waiting[]): Promise<void> {
    const accepted: { waiting: Waiting; draft: EntryDraft }[] = [];
    const replayed: { waiting: Waiting; entry: ConsentEntry }[] = [];
    try {
      const entries = await inTenantScope(this.dataSource, tenantId, async (manager) => {
        const claimed = await this.claimKeys(manager, tenantId, group);
        for (const waiting of group) {
          const earlier = waiting.idempotencyKey ? claimed.earlier.get(waiting.idempotencyKey) : undefined;
          if (earlier && earlier.requestDigest !== null && earlier.requestDigest !== waiting.requestDigest) {
            waiting.reject(keyReused());
            continue;
          }
          if (earlier) {
            replayed.push({ waiting, entry: earlier.entry });
            continue;
          }
          try {
            accepted.push({ waiting, draft: await this.recorder.prepare(manager, tenantId, waiting.decision) });
          } catch (error) {
            waiting.reject(error);
            // A refused request leaves its key free for a corrected retry.
            if (waiting.idempotencyKey) await this.releaseKey(manager, tenantId, waiting.idempotencyKey);
          }
        }
        const appended = await this.recorder.append(
          manager,
          tenantId,
          accepted.map(({ draft }) => draft),
        );
        await this.bindKeys(manager, tenantId, accepted, appended);
        return appended;
      });
      entries.forEach((entry, index) => accepted[index].waiting.resolve(entry));
      for (const { waiting, entry } of replayed) waiting.resolve(entry);
    } catch (error) {
      // Nothing of the group was committed, wherever it failed (BEGIN, the keys, the append, COMMIT): every
      // request of the group is answered (fail closed). Those already refused on their own merits keep that
      // answer, since a settled promise ignores a second one.
      const failure = this.groupFailure(error, group.length);
      for (const waiting of group) waiting.reject(failure);
    }
  }

  /** A refusal (4xx) stays as it is; anything else means the log could not take the group: try again. */
  private groupFailure(error: unknown, size: number): unknown {
    if (refusalBody(error)) return error;
    // Name and SQLSTATE only: a database message can quote the values that failed.
    const code = (error as { driverError?: { code?: unknown } }).driverError?.code;
    const name = error instanceof Error ? error.name : 'error';
    this.logger.warn(`Appending a group of ${size} decisions failed: ${name}${code ? ` (${String(code)})` : ''}`);
    return new LedgerError(
      'not_recorded',
      'The consent log could not record this now; nothing was recorded, try again',
    );
  }

  /**
   * Claims the group's idempotency keys; a key already claimed (by an earlier request, or a concurrent one
   * that has now committed: the insert waits for it) yields that request's entry.
   */
  private async claimKeys(manager: EntityManager, tenantId: string, group: readonly Waiting[]) {
    const keys = [...new Set(group.flatMap((waiting) => (waiting.idempotencyKey ? [waiting.idempotencyKey] : [])))];
    const earlier = new Map<string, { entry: ConsentEntry; requestDigest: string | null }>();
    if (keys.length === 0) return { earlier };
    const fresh: { key: string }[] = await manager.query(
      `INSERT INTO "consent_ledger"."idempotency_keys" ("tenant_id", "key")
       SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING "key"`,
      [tenantId, keys],
    );
    const taken = keys.filter((key) => !fresh.some((row) => row.key === key));
    if (taken.length > 0) {
      const rows: { key: string; canonical: string; request_digest: string | null }[] = await manager.query(
        `SELECT k."key", k."request_digest", e."canonical" FROM "consent_ledger"."idempotency_keys" k
         JOIN "consent_ledger"."ledger_entries" e ON e."tenant_id" = k."tenant_id" AND e."leaf_index" = k."leaf_index"
         WHERE k."tenant_id" = $1 AND k."key" = ANY($2::text[])`,
        [tenantId, taken],
      );
      for (const row of rows) {
        earlier.set(row.key, { entry: JSON.parse(row.canonical) as ConsentEntry, requestDigest: row.request_digest });
      }
    }
    return { earlier };
  }

  private async releaseKey(manager: EntityManager, tenantId: string, key: string): Promise<void> {
    await manager.query(`DELETE FROM "consent_ledger"."idempotency_keys" WHERE "tenant_id" = $1 AND "key" = $2`, [
      tenantId,
      key,
    ]);
  }

  private async bindKeys(
    manager: EntityManager,
    tenantId: string,
    accepted: readonly { waiting: Waiting }[],
    appended: readonly ConsentEntry[],
  ): Promise<void> {
    const bound = accepted.flatMap(({ waiting }, index) =>
      waiting.idempotencyKey
        ? [{ key: waiting.idempotencyKey, leafIndex: appended[index].leafIndex, digest: waiting.requestDigest }]
        : [],
    );
    if (bound.length === 0) return;
    await manager.query(
      `UPDATE "consent_ledger"."idempotency_keys" k SET "leaf_index" = b."leaf_index", "request_digest" = b."digest"
       FROM unnest($2::text[], $3::bigint[], $4::text[]) AS b("key", "leaf_index", "digest")
       WHERE k."tenant_id" = $1 AND k."key" = b."key"`,
      [tenantId, bound.map((row) => row.key), bound.map((row) => row.leafIndex), bound.map((row) => row.digest)],
    );
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function keyReused(): LedgerError {
  return new LedgerError(
    'idempotency_key_reused',
    'This Idempotency-Key was used with a different request; use a new key for a new decision',
  );
}
