import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { API_KEY_ROLES, type ApiKeyRole } from '@candor/contracts';

export class CreateApiKeyDto {
  @ApiProperty({ enum: API_KEY_ROLES })
  @IsIn(API_KEY_ROLES)
  role: ApiKeyRole;

  @ApiPropertyOptional({ example: 'CRM sync', description: 'What the key is for (no personal data)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 3650,
    description: 'Days until the key expires (default API_KEY_LIFETIME_DAYS, 365)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3_650)
  expiresInDays?: number;
}

export class RotateApiKeyDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 168,
    default: 24,
    description: 'Hours the old key keeps working beside its replacement (0: it stops at once)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(168)
  graceHours?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3650, description: "The new key's lifetime in days" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3_650)
  expiresInDays?: number;
}
