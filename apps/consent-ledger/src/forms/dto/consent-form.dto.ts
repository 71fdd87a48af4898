import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { ConsentForm } from '../consent-form.entity';

const SLUG = /^[a-z][a-z0-9_-]{0,62}$/;

export class FormIdParam {
  @ApiProperty({ example: 'newsletter' })
  @Matches(SLUG, { message: 'formId must be a slug such as newsletter' })
  formId: string;
}

export class PublishConsentFormDto {
  @ApiProperty({ example: 'marketing_email', description: 'What the consent is for' })
  @Matches(SLUG, { message: 'purpose must be a slug such as marketing_email' })
  purpose: string;

  @ApiProperty({ example: 'en' })
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'locale must look like en or en-GB' })
  locale: string;

  @ApiProperty({ description: 'The exact text shown to the visitor; its SHA-256 is recorded with every decision' })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;
}

export class ConsentFormView {
  @ApiProperty() formId: string;
  @ApiProperty() version: number;
  @ApiProperty() purpose: string;
  @ApiProperty() locale: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'Lowercase hex SHA-256 of the UTF-8 text' }) textHash: string;
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
