import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@candor/platform';

export class ConsentLedgerConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 4104;

  /** How often a new tree head is signed for every log that grew (at least every minute, per the issue). */
  @IsInt()
  @Min(100)
  @Max(60_000)
  TREE_HEAD_INTERVAL_MS: number = 60_000;

  /** Larger than other services': a batch of consent records arrives in one request. */
  @IsInt()
  @Min(1024)
  @Max(8_388_608)
  override HTTP_BODY_LIMIT_BYTES: number = 1_048_576;
}
