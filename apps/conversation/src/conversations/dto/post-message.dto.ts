import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NOT_BLANK_PATTERN, SLUG_PATTERN } from '@candor/platform';

export class PostMessageDto {
  @ApiProperty({ maxLength: 4000, pattern: NOT_BLANK_PATTERN, example: 'Hello, do you offer weekend appointments?' })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;

  @ApiPropertyOptional({
    description: 'The id of the quick reply pressed (send its label as text)',
    example: 'sales',
    pattern: SLUG_PATTERN,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,62}$/, { message: 'quickReplyId must be the id of an offered quick reply' })
  quickReplyId?: string;
}
