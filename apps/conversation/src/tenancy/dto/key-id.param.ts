import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class KeyIdParam {
  @ApiProperty({ example: 'k3y1d0000000abcd', pattern: '^[a-z0-9]{16}$' })
  @Matches(/^[a-z0-9]{16}$/, { message: 'keyId must be 16 lower-case letters or digits' })
  keyId: string;
}
