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

export class PrivacyNoticeDto {
  @ApiProperty({ example: '2026-11-01', description: 'Version label of the notice; stored with every conversation' })
  @IsString()
  @Matches(/^[\w.-]{1,40}$/)
  version: string;

  @ApiProperty({ description: 'Short notice shown before the transcript starts' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @ApiProperty({ example: 'https://example.com/privacy' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  policyUrl: string;
}

export class CreateTenantDto {
  @ApiProperty({ example: 'Acme Health' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: ['https://www.acme.example'], description: 'Origins whose pages may start conversations' })
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
