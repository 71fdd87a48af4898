import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ConsentEntry, canonicalEntryBytes, validateConsentEntry } from '@candor/consent-evidence';
import { CompactFrontier, type StoredNode, leafHash } from '@candor/merkle';
import { LogFrontierRow } from './ledger.entities';
import { LogKeys } from './log-keys';
import { LedgerError } from '../ledger-error';

/** An entry before the log gives it its place. */
export type EntryDraft = Omit<ConsentEntry, 'v' | 'tenantId' | 'leafIndex'>;

/** Rows per INSERT statement: well under Postgres' 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 2_000;

/**
 * Appends consent entries to a tenant's Merkle log inside the caller's transaction: the entry rows,
 * every perfect-subtree node they complete and the new right edge are written together, under the
 * tenant's frontier row lock, so a tenant's entries are numbered one after another without gaps.
 * If anything fails, nothing is appended and the caller's action does not happen (fail closed).
 */
@Injectable()
export class ConsentLog {
  constructor(private readonly keys: LogKeys) {}

  async append(manager: EntityManager, tenantId: string, drafts: readonly EntryDraft[]): Promise<ConsentEntry[]> {
    if (drafts.length === 0) return [];
    const frontier = await this.lockFrontier(manager, tenantId);
    const entries: ConsentEntry[] = [];
    const nodes: StoredNode[] = [];
    const rows: unknown[][] = [];
    for (const draft of drafts) {
      const entry: ConsentEntry = { v: 1, tenantId, leafIndex: frontier.size, ...draft };
      assertValidEntry(entry);
      const canonical = canonicalEntryBytes(entry);
      const hash = leafHash(canonical);
      nodes.push(...frontier.append(hash));
      entries.push(entry);
      rows.push([
        tenantId,
        entry.leafIndex,
        entry.subjectId,
        entry.purpose,
        entry.action,
        entry.recordedAt,
        canonical.toString('utf8'),
        hash,
      ]);
    }
    await insertRows(
      manager,
      `"consent_ledger"."ledger_entries" ("tenant_id", "leaf_index", "subject_id", "purpose", "action", "recorded_at", "canonical", "leaf_hash")`,
      rows,
    );
    await insertRows(
      manager,
      `"consent_ledger"."ledger_nodes" ("tenant_id", "level", "index", "hash")`,
      nodes.map((node) => [tenantId, node.level, node.index, node.hash]),
    );
    const { size, hashes } = frontier.toJSON();
    await manager.update(LogFrontierRow, { tenantId }, { size, hashes, updatedAt: new Date() });
    return entries;
  }

  /** Takes the tenant's log lock for the caller's transaction: what it reads next cannot change until it commits. */
  async lock(manager: EntityManager, tenantId: string): Promise<void> {
    await this.lockFrontier(manager, tenantId);
  }

  /** The tenant's right edge, locked until the transaction ends; created with the log key on the first append. */
  private async lockFrontier(manager: EntityManager, tenantId: string): Promise<CompactFrontier> {
    // A stuck transaction must not hold every writer of the tenant forever: they fail (503) and retry.
    await manager.query(`SET LOCAL lock_timeout = '5s'`);
    let row = await manager.findOne(LogFrontierRow, { where: { tenantId }, lock: { mode: 'pessimistic_write' } });
    if (!row) {
      await this.keys.ensure(manager, tenantId);
      await manager.query(
        `INSERT INTO "consent_ledger"."log_frontiers" ("tenant_id", "size", "hashes", "updated_at")
         VALUES ($1, 0, '[]', now()) ON CONFLICT DO NOTHING`,
        [tenantId],
      );
      row = await manager.findOneOrFail(LogFrontierRow, { where: { tenantId }, lock: { mode: 'pessimistic_write' } });
    }
    return CompactFrontier.fromJSON({ size: row.size, hashes: row.hashes });
  }
}

/** Refuses (400, naming paths, never values) an entry the log would not accept, before any transaction. */
export function assertValidDraft(tenantId: string, draft: EntryDraft): void {
  assertValidEntry({ v: 1, tenantId, leafIndex: 0, ...draft });
}

function assertValidEntry(entry: ConsentEntry): void {
  const violations = validateConsentEntry(entry);
  if (violations.length > 0) throw new LedgerError('invalid_entry', 'The consent entry is not valid', violations);
}

async function insertRows(manager: EntityManager, target: string, rows: readonly unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const width = chunk[0].length;
    const placeholders = chunk
      .map((_, row) => `(${Array.from({ length: width }, (__, column) => `$${row * width + column + 1}`).join(', ')})`)
      .join(', ');
    await manager.query(`INSERT INTO ${target} VALUES ${placeholders}`, chunk.flat());
  }
}
