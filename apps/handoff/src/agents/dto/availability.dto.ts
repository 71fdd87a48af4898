import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, Matches } from 'class-validator';
import { SLUG_PATTERN } from '@candor/platform';
import type { AgentAvailability } from '../agent-availability.entity';

const SLUGS = { type: 'array', items: { type: 'string', pattern: SLUG_PATTERN }, maxItems: 20 } as const;

export class SetAvailabilityDto {
  @ApiProperty({ description: 'True while the agent can take conversations' })
  @IsBoolean()
  available: boolean;

  @ApiPropertyOptional({ ...SLUGS, example: ['sales'], description: 'Teams answered for; none means any' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z][a-z0-9_-]{0,62}$/, { each: true, message: 'each team must be a slug such as sales' })
  teams?: string[];

  @ApiPropertyOptional({ ...SLUGS, example: ['sensitive-data'], description: 'Skills the agent has' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z][a-z0-9_-]{0,62}$/, { each: true, message: 'each skill must be a slug such as billing' })
  skills?: string[];
}

export class AvailabilityView {
  @ApiProperty() keyId: string;
  @ApiProperty() available: boolean;
  @ApiProperty({ type: [String] }) teams: string[];
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty() updatedAt: string;

  static of(availability: AgentAvailability): AvailabilityView {
    return {
      keyId: availability.keyId,
      available: availability.available,
      teams: availability.teams,
      skills: availability.skills,
      updatedAt: availability.updatedAt.toISOString(),
    };
  }
}
