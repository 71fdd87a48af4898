import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ToDateTime, ToInteger } from '@candor/platform';
import { CONVERSATION_STATUSES, type ConversationStatus } from '@candor/contracts';

export class ConversationIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class ListMessagesQuery {
  @ApiPropertyOptional({
    description: 'Return messages with a sequence greater than this',
    type: 'integer',
    minimum: 0,
    maximum: 2_147_483_647,
  })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  after?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 100 })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** What agents look for: conversations waiting for them, or flagged for a trained team. */
export class ListConversationsQuery {
  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES })
  @IsOptional()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;

  @ApiPropertyOptional({ description: 'Only conversations the sensitive-data guard flagged (true) or not (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  flagged?: boolean;

  @ApiPropertyOptional({
    description: 'Page back: conversations started before this time (the last one seen)',
    type: 'string',
    format: 'date-time',
  })
  @IsOptional()
  @ToDateTime()
  @IsDate()
  before?: Date;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
