import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@candor/platform';

export class ConsentLedgerConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 4104;
}
