import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SLUG_PATTERN, ToInteger } from '@candor/platform';
import type { PlaybookVersion } from '../playbook-version.entity';

const KEY = /^[a-z][a-z0-9_-]{0,62}$/;

export class PlaybookKeyParam {
  @ApiProperty({ example: 'lead-capture', pattern: SLUG_PATTERN })
  @Matches(KEY, { message: 'key must be a slug such as lead-capture' })
  key: string;
}

export class PlaybookVersionParam extends PlaybookKeyParam {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000 })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version: number;
}

export class PlaybookSourceDto {
  @ApiProperty({ enum: ['json', 'yaml'] })
  @IsIn(['json', 'yaml'])
  format: 'json' | 'yaml';

  @ApiProperty({
    description: 'The playbook as authored, against /v1/playbook-schema (at most 256 KiB)',
    maxLength: 262_144,
  })
  @IsString()
  @MaxLength(262_144)
  source: string;
}

export class PlaybookVersionView {
  @ApiProperty() key: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: string;
  @ApiProperty({ enum: ['json', 'yaml'] }) format: string;
  @ApiProperty() source: string;
  @ApiProperty({ description: 'The validated document' }) document: object;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;

  static of(version: PlaybookVersion): PlaybookVersionView {
    return {
      key: version.playbookKey,
      version: version.version,
      status: version.status,
      format: version.format,
      source: version.source,
      document: version.document,
      createdAt: version.createdAt.toISOString(),
      publishedAt: version.publishedAt?.toISOString() ?? null,
    };
  }
}

export class PlaybookSummaryView {
  @ApiProperty() key: string;
  @ApiProperty({ nullable: true, type: 'integer' }) latestPublishedVersion: number | null;
  @ApiProperty({ type: 'integer' }) latestVersion: number;
}
