import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { COUNTRY_PATTERN, LOCALE_PATTERN, urlPattern } from '@candor/platform';

export class StartConversationDto {
  @ApiProperty({
    description: "The tenant's publishable site key",
    example: 'pk_0123456789abcdefghijklmn',
    pattern: '^pk_[A-Za-z0-9_-]{24}$',
  })
  @IsString()
  @Matches(/^pk_[A-Za-z0-9_-]{24}$/, { message: 'siteKey must be a Candor site key (pk_…)' })
  siteKey: string;

  @ApiPropertyOptional({
    example: 'en',
    description: 'Visitor language, ISO 639-1 with optional region',
    pattern: LOCALE_PATTERN,
  })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'locale must look like en or en-GB' })
  locale?: string;

  @ApiPropertyOptional({
    example: 'https://www.acme.example/pricing',
    description: 'The page the chat was opened on; only its origin and path are kept (never the query)',
    pattern: urlPattern(['http', 'https']),
    maxLength: 2000,
  })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  pageUrl?: string;

  @ApiPropertyOptional({
    example: 'DE',
    description: "The visitor's jurisdiction as ISO 3166-1 alpha-2, or EU",
    pattern: COUNTRY_PATTERN,
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'jurisdiction must be a two-letter country code such as DE, or EU' })
  jurisdiction?: string;
}
