import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@candor/platform';

export class BotEngineConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 4102;

  /** Larger than other services': playbooks (up to 256 KiB of source) and avatars arrive as JSON. */
  @IsInt()
  @Min(1024)
  @Max(8_388_608)
  override HTTP_BODY_LIMIT_BYTES: number = 524_288;

  /**
   * How long a collected value no recorded consent covers may stay (a conversation abandoned at the
   * consent question): then it is deleted. Short on purpose; an hour by default, a day at most.
   */
  @IsInt()
  @Min(1_000)
  @Max(86_400_000)
  UNCONSENTED_RETENTION_MS: number = 3_600_000;
}
