import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  CONSENT_ACTIONS,
  CONSENT_ACTORS,
  CONSENT_CHANNELS,
  type ConsentEntry,
  LEGAL_BASES,
  PROOF_BUNDLE_FORMAT,
} from '@candor/consent-evidence';
import { COUNTRY_PATTERN, SLUG_PATTERN, ToDateTime, ToInteger } from '@candor/platform';
import { SignedTreeHeadView } from '../../ledger/dto/ledger.views';

const SLUG = /^[a-z][a-z0-9_-]{0,62}$/;
const MAX_INDEX = Number.MAX_SAFE_INTEGER;
const HEX_HASH = '^[0-9a-f]{64}$';
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

class EntryEvidenceView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) conversationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) messageId: string | null;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
}

/** One ledger entry (`ConsentEntry`), as hashed into the log. */
export class ConsentEntryView {
  @ApiProperty({ enum: [1] }) v: 1;
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) leafIndex: number;
  @ApiProperty({ format: 'uuid', description: 'Pseudonymous, never personal data' }) subjectId: string;
  @ApiProperty({ pattern: SLUG_PATTERN }) purpose: string;
  @ApiProperty({ enum: CONSENT_ACTIONS }) action: string;
  @ApiProperty({ enum: LEGAL_BASES }) legalBasis: string;
  @ApiProperty({ type: String, nullable: true, pattern: SLUG_PATTERN }) formId: string | null;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1 }) formVersion: number | null;
  @ApiProperty({ type: String, nullable: true, pattern: HEX_HASH, description: 'SHA-256 of the exact text shown' })
  formTextHash: string | null;
  @ApiProperty({ enum: CONSENT_CHANNELS }) channel: string;
  @ApiProperty({ type: EntryEvidenceView }) evidence: EntryEvidenceView;
  @ApiProperty({ type: String, nullable: true, pattern: COUNTRY_PATTERN }) jurisdiction: string | null;
  @ApiProperty({ enum: CONSENT_ACTORS }) actor: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class RecordedConsentView {
  @ApiProperty({
    type: ConsentEntryView,
    description: 'The entry exactly as hashed into the log (RFC 8785 canonical JSON of it)',
  })
  entry: ConsentEntry;
  @ApiProperty({ description: 'Hex SHA-256 leaf hash (RFC 6962)' }) leafHash: string;
}

export const CONSENT_STATUSES = ['granted', 'withdrawn', 'expired', 'missing', 'outdated'] as const;

export class ConsentStateView {
  @ApiProperty() purpose: string;
  @ApiProperty({
    enum: CONSENT_STATUSES,
    description: 'outdated: granted, but to an older version of the form than the current one',
  })
  status: (typeof CONSENT_STATUSES)[number];
  @ApiProperty({ nullable: true, type: ConsentEntryView }) entry: ConsentEntry | null;
  @ApiProperty({ nullable: true, type: 'integer' }) currentFormVersion: number | null;
}

export class SubjectIdParam {
  @ApiProperty({ format: 'uuid', pattern: UUID_PATTERN })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'subjectId must be a UUID' })
  subjectId: string;
}

export class StateQuery {
  @ApiPropertyOptional({ description: 'The state as of this past time (default: now)', format: 'date-time' })
  @IsOptional()
  @ToDateTime()
  @IsDate()
  at?: Date;

  @ApiPropertyOptional({ pattern: SLUG_PATTERN })
  @IsOptional()
  @Matches(SLUG, { message: 'purpose must be a slug' })
  purpose?: string;
}

export class SearchQuery {
  @ApiPropertyOptional({ pattern: SLUG_PATTERN })
  @IsOptional()
  @Matches(SLUG, { message: 'purpose must be a slug' })
  purpose?: string;

  @ApiPropertyOptional({ enum: CONSENT_ACTIONS }) @IsOptional() @IsIn(CONSENT_ACTIONS) action?: string;

  @ApiPropertyOptional({ description: 'Recorded at or after', format: 'date-time' })
  @IsOptional()
  @ToDateTime()
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ description: 'Recorded before', format: 'date-time' })
  @IsOptional()
  @ToDateTime()
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({
    description: 'nextCursor of the previous page',
    type: 'integer',
    minimum: 0,
    maximum: MAX_INDEX,
  })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(MAX_INDEX)
  cursor?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ExportQuery extends SearchQuery {
  @ApiPropertyOptional({
    description: 'Size of a signed head you kept from an earlier export: the bundle proves the log only grew since',
    type: 'integer',
    minimum: 1,
    maximum: MAX_INDEX,
  })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_INDEX)
  since?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class CountsQuery {
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @ToDateTime() @IsDate() from?: Date;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @ToDateTime() @IsDate() to?: Date;
}

export class SearchPageView {
  @ApiProperty({ type: [ConsentEntryView] }) entries: ConsentEntry[];
  @ApiProperty({ nullable: true, type: 'integer', description: 'Pass as cursor for the next page' })
  nextCursor: number | null;
}

export class PurposeDayCountView {
  @ApiProperty() purpose: string;
  @ApiProperty({ description: 'UTC day, YYYY-MM-DD', format: 'date' }) day: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) granted: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) withdrawn: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) expired: number;
}

class ProvenEntryView {
  @ApiProperty({ type: ConsentEntryView }) entry: ConsentEntryView;
  @ApiProperty({ type: [String], description: 'Lowercase hex hashes, RFC 9162 order' }) inclusionProof: string[];
}

class ConsistencyFromView {
  @ApiProperty({ type: SignedTreeHeadView }) from: SignedTreeHeadView;
  @ApiProperty({ type: [String] }) proof: string[];
}

class ExportFilterView {
  @ApiProperty({ type: String, nullable: true }) purpose: string | null;
  @ApiProperty({ type: String, nullable: true }) action: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) recordedFrom: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) recordedBefore: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) afterLeafIndex: number | null;
}

class BundleScopeView {
  @ApiProperty({
    enum: ['range', 'filtered'],
    description: 'range: every entry in [fromIndex, toIndex); filtered: only what matched `filter`',
  })
  kind: 'range' | 'filtered';
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) fromIndex?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) toIndex?: number;
  @ApiPropertyOptional({ type: ExportFilterView }) filter?: ExportFilterView;
}

/** A proof bundle (`ProofBundle`): verifies offline with the consent-verify CLI and the tenant's public key. */
export class ProofBundleView {
  @ApiProperty({ enum: [PROOF_BUNDLE_FORMAT] }) format: string;
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ type: BundleScopeView }) scope: BundleScopeView;
  @ApiProperty({ description: "SPKI PEM of the tenant's log key, for information" }) publicKey: string;
  @ApiProperty({ type: SignedTreeHeadView }) treeHead: SignedTreeHeadView;
  @ApiProperty({ type: [ProvenEntryView] }) entries: ProvenEntryView[];
  @ApiProperty({ type: [ConsistencyFromView] }) consistency: ConsistencyFromView[];
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
}
