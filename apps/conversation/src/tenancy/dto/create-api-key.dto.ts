import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { API_KEY_ROLES, type ApiKeyRole } from '@candor/contracts';

export class CreateApiKeyDto {
  @ApiProperty({ enum: API_KEY_ROLES })
  @IsIn(API_KEY_ROLES)
  role: ApiKeyRole;

  @ApiPropertyOptional({ example: 'CRM sync', description: 'What the key is for (no personal data)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}
