import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class PostMessageDto {
  @ApiProperty({ maxLength: 4000, example: 'Hello, do you offer weekend appointments?' })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;
}
