import type { KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, type DataSource, type EntityManager, MoreThanOrEqual } from 'typeorm';
import { type ConsentEntry, canonicalEntryBytes, validateConsentEntry } from '@candor/consent-evidence';
import { CompactFrontier, type NodeId, leafHash, nodeKey, verifyTreeHead } from '@candor/merkle';
import { scopeToTenant } from '@candor/tenant-isolation';
import { type AppendOnlyStatus, AppendOnlyCheck } from './append-only-check';
import { LedgerEntryRow, LogFrontierRow, TreeHeadRow } from './ledger.entities';
import { LogKeys } from './log-keys';
import { nodeReader } from './node-store';

/** Entries checked per page: memory stays flat however long the log. */
const PAGE = 5_000;

export type EntryProblem =
  /** A row beyond the log's end: nothing was ever appended there. */
  | 'extra'
  /** The row's content no longer hashes to what was appended (its stored leaf node). */
  | 'changed'
  /** No row at this index: it was removed. */
  | 'missing'
  /** The row holds another index's entry (moved or reordered). */
  | 'moved'
  /** The row is not a valid canonical entry any more. */
  | 'unreadable';

export interface VerificationResult extends AppendOnlyStatus {
  /** The log is sound: every entry, stored node, signed head and the right edge check out. */
  ok: boolean;
  tenantId: string;
  entriesChecked: number;
  logSize: number;
  problems: { leafIndex: number; problem: EntryProblem }[];
  /** Stored subtree hashes (proofs are built from them) that no longer match sound entries below them. */
  corruptNodes: { level: number; index: number }[];
  treeHeads: { treeSize: number; ok: boolean; reason?: string }[];
  /** The stored right edge of the tree (log_frontiers), which appends and signing start from. */
  frontier: { size: number; ok: boolean; reason?: string };
}

/**
 * Recomputes a tenant's whole log from its rows and checks it against what was appended (the leaf
 * nodes) and what was signed (every tree head, with the tenant's public key): a row changed, removed
 * or moved directly in the database is named by its index.
 */
@Injectable()
export class LedgerVerifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: LogKeys,
    private readonly appendOnly: AppendOnlyCheck,
  ) {}

  async verify(tenantId: string): Promise<VerificationResult> {
    const publicKey = await this.keys.publicKey(tenantId);
    // One snapshot: entries and heads added while this runs are left for the next verification.
    const result = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      await scopeToTenant(manager, tenantId);
      return this.verifySnapshot(manager, tenantId, publicKey);
    });
    return { ...result, ...(await this.appendOnly.status()) };
  }

  private async verifySnapshot(
    manager: EntityManager,
    tenantId: string,
    publicKey: KeyObject | null,
  ): Promise<Omit<VerificationResult, keyof AppendOnlyStatus>> {
    const frontierRow = await manager.findOneBy(LogFrontierRow, { tenantId });
    const storedSize = frontierRow?.size ?? 0;
    const heads = await manager.find(TreeHeadRow, { where: { tenantId }, order: { treeSize: 'ASC' } });
    // The right edge is mutable; a signed head is a commitment. The log holds at least as many entries as the
    // largest head says, so cutting rows off the end and lowering the right edge leaves them named as missing.
    const logSize = Math.max(storedSize, heads.at(-1)?.treeSize ?? 0);
    const problems: VerificationResult['problems'] = [];
    const corruptNodes: VerificationResult['corruptNodes'] = [];
    const treeHeads: VerificationResult['treeHeads'] = [];
    const recomputed = CompactFrontier.empty();
    let headCursor = 0;
    let checked = 0;
    const checkHeadsUpTo = (size: number) => {
      while (headCursor < heads.length && heads[headCursor].treeSize <= size) {
        treeHeads.push(this.checkHead(heads[headCursor], recomputed, publicKey, storedSize));
        headCursor += 1;
      }
    };

    for (let from = 0; from < logSize; from += PAGE) {
      const to = Math.min(from + PAGE, logSize);
      const rows = await manager.find(LedgerEntryRow, {
        where: { tenantId, leafIndex: Between(from, to - 1) },
        order: { leafIndex: 'ASC' },
      });
      const byIndex = new Map(rows.map((row) => [row.leafIndex, row]));
      const stored = await this.nodesCompletedBy(manager, tenantId, from, to);
      for (let index = from; index < to; index++) {
        const row = byIndex.get(index);
        const original = stored.get(nodeKey({ level: 0, index }));
        const found = row ? this.recomputeLeaf(tenantId, index, row) : { problem: 'missing' as const };
        if ('problem' in found) problems.push({ leafIndex: index, problem: found.problem });
        else if (!original || !found.hash.equals(original)) problems.push({ leafIndex: index, problem: 'changed' });
        // The tree is rebuilt from what the rows say now (a missing row counts as an empty leaf),
        // so tampering also shows as heads that no longer match.
        const completed = recomputed.append('problem' in found ? leafHash(Buffer.alloc(0)) : found.hash);
        // Interior nodes serve every proof: one changed under sound entries would mislead auditors. Problems
        // are found in index order and this leaf is the last under each node it completes, so a node covers a
        // problem exactly when the latest one lies at or after its first leaf.
        for (const node of completed) {
          if (node.level === 0 || (problems.at(-1)?.leafIndex ?? -1) >= firstLeaf(node)) continue;
          const kept = stored.get(nodeKey(node));
          if (!kept || !kept.equals(node.hash)) corruptNodes.push({ level: node.level, index: node.index });
        }
        checked += row ? 1 : 0;
        checkHeadsUpTo(recomputed.size);
      }
    }
    checkHeadsUpTo(Number.MAX_SAFE_INTEGER);
    const extra = await manager.find(LedgerEntryRow, {
      select: { leafIndex: true },
      where: { tenantId, leafIndex: MoreThanOrEqual(logSize) },
      order: { leafIndex: 'ASC' },
      take: 1_000,
    });
    problems.push(...extra.map((row) => ({ leafIndex: row.leafIndex, problem: 'extra' as const })));
    const frontier = await this.checkFrontier(manager, tenantId, frontierRow, logSize);
    return {
      ok: problems.length === 0 && corruptNodes.length === 0 && frontier.ok && treeHeads.every((head) => head.ok),
      tenantId,
      entriesChecked: checked,
      logSize,
      problems,
      corruptNodes,
      treeHeads,
      frontier,
    };
  }

  /**
   * The stored right edge (appends start from it, heads are signed from it) must cover the whole log and be
   * the right edge of the stored nodes: lowered, the next append would overwrite committed indexes.
   */
  private async checkFrontier(
    manager: EntityManager,
    tenantId: string,
    row: LogFrontierRow | null,
    logSize: number,
  ): Promise<VerificationResult['frontier']> {
    const size = row?.size ?? 0;
    if (size < logSize) {
      const cut = size === logSize - 1 ? `entry ${size} is` : `entries ${size}-${logSize - 1} are`;
      return {
        size,
        ok: false,
        reason: `it says ${size} entries, but a head was signed for ${logSize}: ${cut} past it`,
      };
    }
    if (!row) return { size, ok: true };
    try {
      const fromNodes = await CompactFrontier.fromStore(size, nodeReader(manager, tenantId));
      if (JSON.stringify(fromNodes.toJSON().hashes) === JSON.stringify(row.hashes)) return { size, ok: true };
      return { size, ok: false, reason: 'its hashes are not the right edge of the stored nodes' };
    } catch {
      return { size, ok: false, reason: 'stored nodes of its right edge are missing' };
    }
  }

  /** The leaf hash the row's content gives, or what is wrong with it. */
  private recomputeLeaf(
    tenantId: string,
    index: number,
    row: LedgerEntryRow,
  ): { hash: Buffer } | { problem: EntryProblem } {
    let entry: ConsentEntry;
    try {
      entry = JSON.parse(row.canonical) as ConsentEntry;
    } catch {
      return { problem: 'unreadable' };
    }
    if (validateConsentEntry(entry).length > 0) return { problem: 'unreadable' };
    if (entry.leafIndex !== index || entry.tenantId !== tenantId) return { problem: 'moved' };
    const canonical = canonicalEntryBytes(entry);
    // The query columns must say what the hashed entry says, or searches would lie.
    const columnsAgree =
      row.subjectId === entry.subjectId &&
      row.purpose === entry.purpose &&
      row.action === entry.action &&
      row.recordedAt.toISOString() === entry.recordedAt &&
      canonical.toString('utf8') === row.canonical;
    if (!columnsAgree) return { problem: 'changed' };
    const hash = leafHash(canonical);
    return row.leafHash.equals(hash) ? { hash } : { problem: 'changed' };
  }

  /** Every stored node that the leaves [from, to) completed when they were appended, by nodeKey. */
  private async nodesCompletedBy(
    manager: EntityManager,
    tenantId: string,
    from: number,
    to: number,
  ): Promise<Map<string, Buffer>> {
    // Node (level, i) was completed by leaf (i + 1) * 2^level - 1: per level, a contiguous range of i.
    const levels: number[] = [];
    const lows: number[] = [];
    const highs: number[] = [];
    for (let level = 0, width = 1; width <= to; level++, width *= 2) {
      const low = Math.ceil((from + 1) / width) - 1;
      const high = Math.floor(to / width) - 1;
      if (high < low) continue;
      levels.push(level);
      lows.push(low);
      highs.push(high);
    }
    const rows: { level: number; index: string; hash: Buffer }[] = await manager.query(
      `SELECT n."level", n."index", n."hash" FROM "consent_ledger"."ledger_nodes" n
       JOIN unnest($2::smallint[], $3::bigint[], $4::bigint[]) AS r("level", "low", "high")
         ON n."level" = r."level" AND n."index" BETWEEN r."low" AND r."high"
       WHERE n."tenant_id" = $1`,
      [tenantId, levels, lows, highs],
    );
    return new Map(rows.map((row) => [nodeKey({ level: row.level, index: Number(row.index) }), row.hash]));
  }

  private checkHead(
    head: TreeHeadRow,
    recomputed: CompactFrontier,
    publicKey: KeyObject | null,
    storedSize: number,
  ): VerificationResult['treeHeads'][number] {
    const signed = {
      logId: head.tenantId,
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      timestamp: head.timestamp,
    };
    if (!publicKey || !verifyTreeHead(signed, head.signature, publicKey)) {
      return { treeSize: head.treeSize, ok: false, reason: 'signature does not verify with the log key' };
    }
    if (recomputed.size !== head.treeSize || !recomputed.root().equals(head.rootHash)) {
      const beyond =
        head.treeSize > storedSize ? `; it covers ${head.treeSize} entries, the stored log ends at ${storedSize}` : '';
      return { treeSize: head.treeSize, ok: false, reason: `the entries no longer hash to the signed root${beyond}` };
    }
    return { treeSize: head.treeSize, ok: true };
  }
}

/** The first leaf under a node: it covers leaves [index * 2^level, (index + 1) * 2^level). */
function firstLeaf(node: NodeId): number {
  return node.index * 2 ** node.level;
}
