import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@candor/platform';

export class DsrConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 4105;

  /** How often tenants with new erasures get their key rotated (backups holding erased keys become unreadable). */
  @IsInt()
  @Min(1_000)
  KEY_ROTATION_INTERVAL_MS: number = 24 * 3600 * 1000;
}
