import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@candor/platform';

export class HandoffConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 4103;

  /**
   * How long a visitor waits in the queue before they are told nobody has taken the conversation yet and
   * offered a meeting or to leave a message. Three minutes by default; at least a second, at most a day.
   */
  @IsInt()
  @Min(1_000)
  @Max(86_400_000)
  HANDOFF_QUEUE_TIMEOUT_MS: number = 180_000;
}
