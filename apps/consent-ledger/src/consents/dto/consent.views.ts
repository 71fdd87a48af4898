import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CONSENT_ACTIONS, type ConsentEntry } from '@candor/consent-evidence';

const SLUG = /^[a-z][a-z0-9_-]{0,62}$/;

export class RecordedConsentView {
  @ApiProperty({ description: 'The entry exactly as hashed into the log (RFC 8785 canonical JSON of it)' })
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
  @ApiProperty({ nullable: true, type: Object }) entry: ConsentEntry | null;
  @ApiProperty({ nullable: true, type: Number }) currentFormVersion: number | null;
}

export class SubjectIdParam {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'subjectId must be a UUID' })
  subjectId: string;
}

export class StateQuery {
  @ApiPropertyOptional({ description: 'The state as of this past time (default: now)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  at?: Date;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SLUG, { message: 'purpose must be a slug' })
  purpose?: string;
}

export class SearchQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(SLUG, { message: 'purpose must be a slug' }) purpose?: string;
  @ApiPropertyOptional({ enum: CONSENT_ACTIONS }) @IsOptional() @IsIn(CONSENT_ACTIONS) action?: string;
  @ApiPropertyOptional({ description: 'Recorded at or after' }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional({ description: 'Recorded before' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  cursor?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ExportQuery extends SearchQuery {
  @ApiPropertyOptional({
    description: 'Size of a signed head you kept from an earlier export: the bundle proves the log only grew since',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  since?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class CountsQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional() @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

export class SearchPageView {
  @ApiProperty({ type: [Object] }) entries: ConsentEntry[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as cursor for the next page' })
  nextCursor: number | null;
}

export class PurposeDayCountView {
  @ApiProperty() purpose: string;
  @ApiProperty({ description: 'UTC day, YYYY-MM-DD' }) day: string;
  @ApiProperty() granted: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() expired: number;
}
