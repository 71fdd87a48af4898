import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../persistence/bigint.transformer';

/**
 * One consent entry of a tenant's log. `canonical` is the exact byte string (RFC 8785 JSON) whose
 * leaf hash is in the Merkle tree; the other columns repeat some of its fields for queries.
 */
@Entity({ name: 'ledger_entries' })
export class LedgerEntryRow {
  @PrimaryColumn({ type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) leafIndex: number;
  @Column({ type: 'uuid' }) subjectId: string;
  @Column({ type: 'varchar', length: 63 }) purpose: string;
  @Column({ type: 'varchar', length: 10 }) action: string;
  @Column({ type: 'timestamptz' }) recordedAt: Date;
  @Column({ type: 'text' }) canonical: string;
  @Column({ type: 'bytea' }) leafHash: Buffer;
}

/** The hash of a perfect subtree of a tenant's log: proofs are assembled from these. */
@Entity({ name: 'ledger_nodes' })
export class LedgerNodeRow {
  @PrimaryColumn({ type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ type: 'smallint' }) level: number;
  @PrimaryColumn({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) index: number;
  @Column({ type: 'bytea' }) hash: Buffer;
}

/** A signed tree head: the tenant's log key vouches that the log had this size and root at this time. */
@Entity({ name: 'tree_heads' })
export class TreeHeadRow {
  @PrimaryColumn({ type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) treeSize: number;
  @Column({ type: 'bytea' }) rootHash: Buffer;
  /** Milliseconds since the epoch, as signed. */
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) timestamp: number;
  @Column({ type: 'bytea' }) signature: Buffer;
}

/** The tenant's Ed25519 log key: the public half in the clear, the private half sealed by the key service. */
@Entity({ name: 'log_keys' })
export class LogKeyRow {
  @PrimaryColumn({ type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) publicKey: string;
  @Column({ type: 'text' }) sealedPrivateKey: string;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}

/** The right edge of a tenant's tree (its perfect subtrees), so appending needs no other read. */
@Entity({ name: 'log_frontiers' })
export class LogFrontierRow {
  @PrimaryColumn({ type: 'uuid' }) tenantId: string;
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) size: number;
  @Column({ type: 'jsonb' }) hashes: string[];
  @Column({ type: 'timestamptz' }) updatedAt: Date;
}
