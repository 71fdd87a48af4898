import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class StartConversationDto {
  @ApiProperty({ description: "The tenant's publishable site key", example: 'pk_…' })
  @IsString()
  @Matches(/^pk_[A-Za-z0-9_-]{24}$/, { message: 'siteKey must be a Candor site key (pk_…)' })
  siteKey: string;

  @ApiPropertyOptional({ example: 'en', description: 'Visitor language, ISO 639-1 with optional region' })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'locale must look like en or en-GB' })
  locale?: string;
}
