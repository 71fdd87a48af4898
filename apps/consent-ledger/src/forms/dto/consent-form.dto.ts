import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { LOCALE_PATTERN, NOT_BLANK_PATTERN, SLUG_PATTERN } from '@candor/platform';
import type { ConsentForm } from '../consent-form.entity';

const SLUG = /^[a-z][a-z0-9_-]{0,62}$/;

export class FormIdParam {
  @ApiProperty({ example: 'newsletter', pattern: SLUG_PATTERN })
  @Matches(SLUG, { message: 'formId must be a slug such as newsletter' })
  formId: string;
}

export class PublishConsentFormDto {
  @ApiProperty({ example: 'marketing_email', description: 'What the consent is for', pattern: SLUG_PATTERN })
  @Matches(SLUG, { message: 'purpose must be a slug such as marketing_email' })
  purpose: string;

  @ApiProperty({ example: 'en', pattern: LOCALE_PATTERN })
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'locale must look like en or en-GB' })
  locale: string;

  @ApiProperty({
    description: 'The exact text shown to the visitor; its SHA-256 is recorded with every decision',
    maxLength: 4000,
    pattern: NOT_BLANK_PATTERN,
  })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;
}

export class ConsentFormView {
  @ApiProperty() formId: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
  @ApiProperty() purpose: string;
  @ApiProperty() locale: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'Lowercase hex SHA-256 of the UTF-8 text', pattern: '^[0-9a-f]{64}$' }) textHash: string;
  @ApiProperty() publishedAt: string;

  static of(form: ConsentForm): ConsentFormView {
    return {
      formId: form.formId,
      version: form.version,
      purpose: form.purpose,
      locale: form.locale,
      text: form.text,
      textHash: form.textHash,
      publishedAt: form.publishedAt.toISOString(),
    };
  }
}
