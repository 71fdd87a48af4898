import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class PostMessageDto {
  @ApiProperty({ maxLength: 4000, example: 'Hello, do you offer weekend appointments?' })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;

  @ApiPropertyOptional({ description: 'The id of the quick reply pressed (send its label as text)', example: 'sales' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,62}$/, { message: 'quickReplyId must be the id of an offered quick reply' })
  quickReplyId?: string;
}
