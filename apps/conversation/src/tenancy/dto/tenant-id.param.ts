import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class TenantIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  tenantId: string;
}
