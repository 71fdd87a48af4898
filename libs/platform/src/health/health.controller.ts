import { Controller, Get, HttpException, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DrainState } from './drain-state';
import { KafkaHealthIndicator } from './kafka.health-indicator';
import { KeyServiceHealthIndicator } from './key-service.health-indicator';

@ApiExcludeController()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly keys: KeyServiceHealthIndicator,
    private readonly drain: DrainState,
  ) {}

  /** The process is alive (no dependency is checked: restarting would not fix them). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Ready to take traffic: Postgres, Kafka and the key service answer, and the service is not shutting down.
   * Anyone may ask (probes, load balancers), so the answer says only up or down per dependency; why one is
   * down (addresses, versions, errors) goes to the log.
   */
  @Get('ready')
  async ready(): Promise<UpOrDown> {
    if (this.drain.draining) {
      throw new ServiceUnavailableException({ status: 'error', error: { service: { status: 'draining' } } });
    }
    try {
      return upOrDown(
        await this.health.check([
          () => this.database.pingCheck('postgres', { timeout: 2_000 }),
          () => this.kafka.check('kafka', 2_000),
          () => this.keys.check('keys', 2_000),
        ]),
      );
    } catch (error) {
      const result = error instanceof HttpException ? (error.getResponse() as HealthCheckResult) : undefined;
      if (!result?.details) throw error;
      this.logger.warn(`Not ready: ${JSON.stringify(result.error ?? {})}`);
      throw new ServiceUnavailableException(upOrDown(result));
    }
  }
}

type Statuses = Record<string, { status: string }>;

interface UpOrDown {
  status: string;
  info: Statuses;
  error: Statuses;
}

/** The check's result with each dependency's status alone. */
function upOrDown(result: HealthCheckResult): UpOrDown {
  const only = (statuses: HealthCheckResult['info']): Statuses =>
    Object.fromEntries(
      Object.entries(statuses ?? {}).map(([name, entry]) => [name, { status: entry?.status ?? 'down' }]),
    );
  return { status: result.status, info: only(result.info), error: only(result.error) };
}
