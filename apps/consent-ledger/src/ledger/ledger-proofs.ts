import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type BundleScope,
  type ConsentEntry,
  PROOF_BUNDLE_FORMAT,
  type ProofBundle,
  type SignedTreeHead,
  toSignedTreeHead,
} from '@candor/consent-evidence';
import { type NodeReader, consistencyProof, inclusionProof, nodeKey } from '@candor/merkle';
import { inTenantScope } from '@candor/tenant-isolation';
import type { TreeHeadRow } from './ledger.entities';
import { LogKeys } from './log-keys';
import { nodeReader, scopedNodeReader } from './node-store';
import { TreeHeads } from './tree-heads';
import { LedgerError } from '../ledger-error';

export interface InclusionProofView {
  leafIndex: number;
  leafHash: string;
  treeHead: SignedTreeHead;
  proof: string[];
}

export interface ConsistencyProofView {
  from: SignedTreeHead;
  to: SignedTreeHead;
  proof: string[];
}

/** Inclusion and consistency proofs against signed heads, and proof bundles an auditor verifies offline. */
/** Signed heads never change: the ones proofs are asked against are kept, within a bound. */
const HEAD_CACHE_LIMIT = 10_000;

@Injectable()
export class LedgerProofs {
  private readonly signedHeads = new Map<string, TreeHeadRow>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly heads: TreeHeads,
    private readonly keys: LogKeys,
  ) {}

  async inclusion(tenantId: string, leafIndex: number, treeSize?: number): Promise<InclusionProofView> {
    const head = await this.headFor(tenantId, treeSize);
    if (leafIndex >= head.treeSize) {
      throw new LedgerError('not_in_signed_head', `Entry ${leafIndex} is not covered by a signed head yet`);
    }
    // The entry's own leaf hash comes with the proof's nodes, in the same single query.
    const leafId = { level: 0, index: leafIndex };
    const stored = scopedNodeReader(this.dataSource, tenantId);
    let leaf: Buffer | undefined;
    const reader: NodeReader = async (ids) => {
      const found = await stored([...ids, leafId]);
      leaf = found.get(nodeKey(leafId));
      return found;
    };
    const proof = await inclusionProof(leafIndex, head.treeSize, reader);
    // A one-entry tree needs no node for its proof.
    leaf ??= (await stored([leafId])).get(nodeKey(leafId));
    return { leafIndex, leafHash: (leaf as Buffer).toString('hex'), treeHead: signedHead(head), proof: hex(proof) };
  }

  async consistency(tenantId: string, fromSize: number, toSize?: number): Promise<ConsistencyProofView> {
    const to = await this.headFor(tenantId, toSize);
    const from = await this.headFor(tenantId, fromSize);
    if (from.treeSize > to.treeSize) {
      throw new LedgerError('invalid_range', 'The first head must not be larger than the second');
    }
    const proof = await consistencyProof(from.treeSize, to.treeSize, scopedNodeReader(this.dataSource, tenantId));
    return { from: signedHead(from), to: signedHead(to), proof: hex(proof) };
  }

  /**
   * Entries with their inclusion proofs against a signed head, for offline checking, stating what they are
   * (`scope`); with `sinceSize` (a head the auditor kept from an earlier export), also the proof that the log
   * only grew since.
   */
  async bundle(
    head: TreeHeadRow,
    entries: readonly ConsentEntry[],
    scope: BundleScope,
    sinceSize?: number,
  ): Promise<ProofBundle> {
    const { tenantId } = head;
    const covered = entries.filter((entry) => entry.leafIndex < head.treeSize);
    const proven = await inTenantScope(this.dataSource, tenantId, async (manager) => {
      const reader = nodeReader(manager, tenantId);
      const proofs = [];
      for (const entry of covered) {
        proofs.push({ entry, inclusionProof: hex(await inclusionProof(entry.leafIndex, head.treeSize, reader)) });
      }
      return proofs;
    });
    const publicKey = await this.keys.publicKeyPem(tenantId);
    if (!publicKey) throw new LedgerError('not_found', 'This tenant has no consent log yet');
    return {
      format: PROOF_BUNDLE_FORMAT,
      tenantId,
      scope,
      publicKey,
      treeHead: signedHead(head),
      entries: proven,
      consistency: sinceSize === undefined ? [] : [await this.consistencyFrom(tenantId, sinceSize, head)],
      exportedAt: new Date().toISOString(),
    };
  }

  private async consistencyFrom(tenantId: string, fromSize: number, to: TreeHeadRow) {
    const from = await this.headFor(tenantId, fromSize);
    if (from.treeSize > to.treeSize) {
      throw new LedgerError('invalid_range', 'The earlier head must not be larger than the latest');
    }
    const proof = await consistencyProof(from.treeSize, to.treeSize, scopedNodeReader(this.dataSource, tenantId));
    return { from: signedHead(from), proof: hex(proof) };
  }

  /** The signed head of exactly `treeSize`, or the latest one. */
  private async headFor(tenantId: string, treeSize?: number): Promise<TreeHeadRow> {
    const cacheKey = `${tenantId}:${treeSize}`;
    const cached = treeSize === undefined ? undefined : this.signedHeads.get(cacheKey);
    if (cached) return cached;
    const head = await this.heads.latest(tenantId, treeSize);
    if (!head || (treeSize !== undefined && head.treeSize !== treeSize)) {
      throw new LedgerError('no_signed_head', treeSize ? `No signed head of size ${treeSize}` : 'No signed head yet');
    }
    if (treeSize !== undefined) {
      if (this.signedHeads.size >= HEAD_CACHE_LIMIT)
        this.signedHeads.delete(this.signedHeads.keys().next().value as string);
      this.signedHeads.set(cacheKey, head);
    }
    return head;
  }
}

export function signedHead(head: TreeHeadRow): SignedTreeHead {
  const { tenantId: logId, treeSize, rootHash, timestamp, signature } = head;
  return toSignedTreeHead({ logId, treeSize, rootHash, timestamp }, signature);
}

function hex(hashes: readonly Buffer[]): string[] {
  return hashes.map((hash) => hash.toString('hex'));
}
