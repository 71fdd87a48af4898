import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CONSENT_ACTIONS, CONSENT_ACTORS, CONSENT_CHANNELS, LEGAL_BASES } from '@candor/consent-evidence';
import { ApiSchemaRules, COUNTRY_PATTERN, LOCALE_PATTERN, SLUG_PATTERN } from '@candor/platform';

const SLUG = /^[a-z][a-z0-9_-]{0,62}$/;
/** An identifier, never prose: free text in an append-only log could hold a name that can never be erased. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,63}$/;
/** Decisions made in the chat are recorded by Candor's bot, with the message as evidence; an API call cannot claim one. */
const API_CHANNELS = CONSENT_CHANNELS.filter((channel) => channel !== 'chat');

export class EvidenceDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() conversationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() messageId?: string;
  @ApiPropertyOptional({
    description:
      'Your own identifier for this decision, e.g. crm:lead/4711 (letters, digits and . _ : / # -, no spaces). ' +
      'The ledger can never be erased: names, emails or any other personal data do not belong here.',
    maxLength: 64,
    pattern: REFERENCE.source,
  })
  @IsOptional()
  @IsString()
  @Matches(REFERENCE, { message: 'evidence.reference must be an identifier: letters, digits and . _ : / # - only' })
  reference?: string;
}

/** A version of no form cannot show what the subject agreed to: formVersion comes with formId. */
@ApiSchemaRules({
  anyOf: [
    { required: ['formId'], properties: { formId: { type: 'string' } } },
    { not: { required: ['formVersion'], properties: { formVersion: { type: 'integer' } } } },
  ],
})
export class RecordConsentDto {
  @ApiProperty({ format: 'uuid', description: "The subject's pseudonymous id (never an email or a name)" })
  @IsUUID()
  subjectId: string;

  @ApiProperty({ example: 'marketing_email', pattern: SLUG_PATTERN })
  @Matches(SLUG, { message: 'purpose must be a slug such as marketing_email' })
  purpose: string;

  @ApiProperty({ enum: CONSENT_ACTIONS })
  @IsIn(CONSENT_ACTIONS)
  action: (typeof CONSENT_ACTIONS)[number];

  @ApiPropertyOptional({ enum: LEGAL_BASES, default: 'consent' })
  @IsOptional()
  @IsIn(LEGAL_BASES)
  legalBasis?: (typeof LEGAL_BASES)[number];

  @ApiPropertyOptional({
    example: 'newsletter',
    description: 'The consent form shown (its current version if none given); required with formVersion',
    pattern: SLUG_PATTERN,
  })
  @ValidateIf((request: RecordConsentDto) => request.formId != null || request.formVersion != null)
  @Matches(SLUG, { message: 'formId must be a slug (and is required with formVersion)' })
  formId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  formVersion?: number;

  @ApiPropertyOptional({
    example: 'en',
    description: "Without formVersion: the form's current version in this locale",
    pattern: LOCALE_PATTERN,
  })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'formLocale must look like en or en-GB' })
  formLocale?: string;

  @ApiPropertyOptional({
    enum: API_CHANNELS,
    default: 'api',
    description: "Where the decision was made; 'chat' is reserved for decisions Candor's bot records itself",
  })
  @IsOptional()
  @IsIn(API_CHANNELS, { message: `channel must be one of ${API_CHANNELS.join(', ')} ('chat' is recorded by the bot)` })
  channel?: (typeof CONSENT_CHANNELS)[number];

  @ApiPropertyOptional({ enum: CONSENT_ACTORS, default: 'integrator' })
  @IsOptional()
  @IsIn(CONSENT_ACTORS)
  actor?: (typeof CONSENT_ACTORS)[number];

  @ApiPropertyOptional({ example: 'DE', pattern: COUNTRY_PATTERN })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'jurisdiction must be a two-letter country code' })
  jurisdiction?: string;

  @ApiPropertyOptional({ type: EvidenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto;
}

export class RecordConsentBatchDto {
  @ApiProperty({ type: [RecordConsentDto], minItems: 1, maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RecordConsentDto)
  records: RecordConsentDto[];
}
