import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What the ledger answers, for the OpenAPI document (the services return plain objects of these shapes). */

const HEX_HASH = '^[0-9a-f]{64}$';

export class SignedTreeHeadView {
  @ApiProperty({ format: 'uuid', description: 'The log id: the tenant id' }) logId: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) treeSize: number;
  @ApiProperty({ pattern: HEX_HASH, description: 'Lowercase hex RFC 6962 root hash' }) rootHash: string;
  @ApiProperty({ type: 'integer', description: 'Milliseconds since the epoch' }) timestamp: number;
  @ApiProperty({ description: 'Base64 Ed25519 signature over the head' }) signature: string;
}

export class LogPublicKeyView {
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ description: "SPKI PEM of the tenant's Ed25519 log key" }) publicKey: string;
}

export class InclusionProofView {
  @ApiProperty({ type: 'integer', minimum: 0 }) leafIndex: number;
  @ApiProperty({ pattern: HEX_HASH }) leafHash: string;
  @ApiProperty({ type: SignedTreeHeadView }) treeHead: SignedTreeHeadView;
  @ApiProperty({ type: [String], description: 'Lowercase hex hashes, RFC 9162 order (leaf side first)' })
  proof: string[];
}

export class ConsistencyProofView {
  @ApiProperty({ type: SignedTreeHeadView }) from: SignedTreeHeadView;
  @ApiProperty({ type: SignedTreeHeadView }) to: SignedTreeHeadView;
  @ApiProperty({ type: [String], description: 'Lowercase hex hashes (RFC 9162)' }) proof: string[];
}

export class LedgerStatusView {
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) logSize: number;
  @ApiProperty({ type: 'integer', nullable: true }) latestSignedTreeSize: number | null;
  @ApiProperty({ description: "Whether the database stops the service's own role from changing evidence rows" })
  appendOnlyEnforced: boolean;
  @ApiProperty({ type: [String], description: 'What lets it (table names), empty when enforced' })
  appendOnlyGaps: string[];
}

class EntryProblemView {
  @ApiProperty({ type: 'integer', minimum: 0 }) leafIndex: number;
  @ApiProperty({ enum: ['extra', 'changed', 'missing', 'moved', 'unreadable'] }) problem: string;
}

class CorruptNodeView {
  @ApiProperty({ type: 'integer', minimum: 0 }) level: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) index: number;
}

class HeadCheckView {
  @ApiProperty({ type: 'integer', minimum: 0 }) treeSize: number;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional() reason?: string;
}

class FrontierCheckView {
  @ApiProperty({ type: 'integer', minimum: 0 }) size: number;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional() reason?: string;
}

export class VerificationResultView {
  @ApiProperty({ description: 'The log is sound: every entry, stored node, signed head and the right edge check out' })
  ok: boolean;
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) entriesChecked: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) logSize: number;
  @ApiProperty({ type: [EntryProblemView] }) problems: EntryProblemView[];
  @ApiProperty({ type: [CorruptNodeView] }) corruptNodes: CorruptNodeView[];
  @ApiProperty({ type: [HeadCheckView] }) treeHeads: HeadCheckView[];
  @ApiProperty({ type: FrontierCheckView }) frontier: FrontierCheckView;
  @ApiProperty() appendOnlyEnforced: boolean;
  @ApiProperty({ type: [String] }) appendOnlyGaps: string[];
}
