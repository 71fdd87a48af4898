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
}
