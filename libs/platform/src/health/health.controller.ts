import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DrainState } from './drain-state';
import { KafkaHealthIndicator } from './kafka.health-indicator';
import { KeyServiceHealthIndicator } from './key-service.health-indicator';

@ApiExcludeController()
@Controller('health')
export class HealthController {
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

  /** Ready to take traffic: Postgres, Kafka and the key service answer, and the service is not shutting down. */
  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.drain.draining) {
      throw new ServiceUnavailableException({ status: 'error', error: { service: { status: 'draining' } } });
    }
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2_000 }),
      () => this.kafka.check('kafka', 2_000),
      () => this.keys.check('keys', 2_000),
    ]);
  }
}
