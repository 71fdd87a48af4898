import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { DISPLAY_NAME_PATTERN, NOT_BLANK_PATTERN } from '@candor/platform';

export class JoinConversationDto {
  @ApiProperty({
    example: 'Maria',
    description: 'Name shown to the visitor; the transcript says it is a person',
    maxLength: 60,
    pattern: DISPLAY_NAME_PATTERN,
  })
  @IsString()
  @MaxLength(60)
  @Matches(/^[^\p{Cc}]*\S[^\p{Cc}]*$/u, { message: 'displayName must be non-blank text without control characters' })
  displayName: string;
}

export class AgentMessageDto {
  @ApiProperty({ maxLength: 4000, pattern: NOT_BLANK_PATTERN })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;
}
