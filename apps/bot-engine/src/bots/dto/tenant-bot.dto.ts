import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SLUG_PATTERN, urlPattern } from '@candor/platform';
import { PERSONA_TONES, type PersonaLanguage, type PersonaTone } from '../../personas/policy';
import type { TenantBot } from '../tenant-bot.entity';

export class DisclosureDto {
  @ApiProperty({
    example: "Hi, I'm Acme's virtual assistant, an automated bot. Ask for a person at any time.",
    maxLength: 500,
  })
  @IsString()
  @MaxLength(500)
  en: string;

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) de?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) fr?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) es?: string;
}

export class PersonaDto {
  @ApiProperty({ example: 'Acme Assistant', description: 'Must not pass as a human name', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'data: URI of an SVG, PNG or WebP illustration (at most 256 KiB); photographs are refused',
    maxLength: 400_000,
  })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(400_000)
  avatar?: string | null;

  @ApiProperty({ enum: PERSONA_TONES })
  @IsIn(PERSONA_TONES)
  tone: PersonaTone;

  @ApiProperty({ type: DisclosureDto, description: "The bot's first message per language; English is required" })
  @IsObject()
  @ValidateNested()
  @Type(() => DisclosureDto)
  disclosure: DisclosureDto;
}

const HTTPS_URL = { protocols: ['https'], require_protocol: true };
const HTTPS_URL_PATTERN = urlPattern(['https']);

export class UpdateTenantBotDto {
  @ApiProperty({ type: PersonaDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PersonaDto)
  persona: PersonaDto;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'https://portal.acme-health.example/messages',
    pattern: HTTPS_URL_PATTERN,
    maxLength: 500,
  })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsUrl(HTTPS_URL)
  @MaxLength(500)
  secureChannelUrl?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'https://cal.example/acme',
    pattern: HTTPS_URL_PATTERN,
    maxLength: 500,
  })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsUrl(HTTPS_URL)
  @MaxLength(500)
  meetingUrl?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Key of a playbook with a published version',
    pattern: SLUG_PATTERN,
  })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @Matches(/^[a-z][a-z0-9_-]{0,62}$/, { message: 'activePlaybookKey must be a playbook key' })
  activePlaybookKey?: string | null;
}

export class TenantBotView {
  @ApiProperty() persona: {
    name: string;
    avatar: string | null;
    tone: PersonaTone;
    disclosure: Partial<Record<PersonaLanguage, string>>;
  };
  @ApiProperty({ nullable: true, type: String }) secureChannelUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) meetingUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) activePlaybookKey: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;

  static of(bot: TenantBot): TenantBotView {
    return {
      persona: {
        name: bot.personaName,
        avatar: bot.personaAvatar,
        tone: bot.personaTone,
        disclosure: bot.personaDisclosure,
      },
      secureChannelUrl: bot.secureChannelUrl,
      meetingUrl: bot.meetingUrl,
      activePlaybookKey: bot.activePlaybookKey,
      updatedAt: bot.updatedAt.toISOString(),
    };
  }
}
