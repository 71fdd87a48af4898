import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SubjectIdParam {
  @ApiProperty({ format: 'uuid', description: 'Pseudonymous data-subject id' })
  @IsUUID()
  subjectId: string;
}
