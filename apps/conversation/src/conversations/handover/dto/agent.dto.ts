import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class JoinConversationDto {
  @ApiProperty({ example: 'Maria', description: 'Name shown to the visitor; the transcript says it is a person' })
  @IsString()
  @MaxLength(60)
  @Matches(/^[^\p{Cc}]*\S[^\p{Cc}]*$/u, { message: 'displayName must be non-blank text without control characters' })
  displayName: string;
}

export class AgentMessageDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;
}
