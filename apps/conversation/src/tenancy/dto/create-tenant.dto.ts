import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { urlPattern } from '@candor/platform';

const ORIGIN_PATTERN = '^https?://[a-z0-9.-]+(:[0-9]{1,5})?$';

export class PrivacyNoticeDto {
  @ApiProperty({
    example: '2026-11-01',
    description: 'Version label of the notice; stored with every conversation',
    pattern: '^[A-Za-z0-9_.-]{1,40}$',
  })
  @IsString()
  @Matches(/^[\w.-]{1,40}$/)
  version: string;

  @ApiProperty({ description: 'Short notice shown before the transcript starts', minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @ApiProperty({ example: 'https://example.com/privacy', pattern: urlPattern(['http', 'https']), maxLength: 500 })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  policyUrl: string;
}

export class CreateTenantDto {
  @ApiProperty({ example: 'Acme Health', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example: ['https://www.acme.example'],
    description: 'Origins whose pages may start conversations (scheme://host[:port])',
    type: 'array',
    items: { type: 'string', pattern: ORIGIN_PATTERN, maxLength: 200 },
    minItems: 1,
    maxItems: 50,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @MaxLength(200, { each: true })
  @Matches(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, { each: true, message: 'each origin must be scheme://host[:port]' })
  allowedOrigins: string[];

  @ApiPropertyOptional({ type: PrivacyNoticeDto, description: 'Defaults to a generic notice; set your own' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrivacyNoticeDto)
  privacyNotice?: PrivacyNoticeDto;
}
