import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DataSourceOptions } from 'typeorm';
import { MessagingModule } from '@candor/messaging';
import { AuditTrail } from './audit/audit-trail';
import { BaseServiceConfig } from './config/base-service.config';
import { messagingSettingsFrom } from './config/messaging-settings-from-config';
import { migrateDatabase } from './database/migrate';
import { DrainState } from './health/drain-state';
import { HealthController } from './health/health.controller';
import { KafkaHealthIndicator } from './health/kafka.health-indicator';
import { KeyServiceHealthIndicator } from './health/key-service.health-indicator';
import { KeysModule } from './keys/keys.module';
import { loggerParams } from './logging/logger-params';
import { MetricsController } from './metrics/metrics.controller';
import { RateLimiter } from './rate-limiting/rate-limiter';

export interface PlatformModuleOptions {
  serviceName: string;
  config: BaseServiceConfig;
  dataSourceOptions: DataSourceOptions;
}

/**
 * What every Candor service has: JSON logs, its Postgres schema (migrated at
 * start unless switched off), messaging, health, metrics and its validated
 * configuration, injectable by its class.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const { config, serviceName, dataSourceOptions } = options;
    const schema = (dataSourceOptions as { schema: string }).schema;
    const configProvider = { provide: config.constructor, useValue: config };
    // Shared code (e.g. the key module) asks for the base class; it is the same object.
    const baseConfigProvider = { provide: BaseServiceConfig, useValue: config };
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggerParams(serviceName, config.LOG_LEVEL, config.LOG_FILE || undefined)),
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            if (config.RUN_MIGRATIONS) {
              await migrateDatabase(dataSourceOptions, config.MIGRATIONS_DATABASE_URL);
            }
            return dataSourceOptions;
          },
        }),
        TerminusModule.forRoot({ logger: false }),
        MessagingModule.forRoot(messagingSettingsFrom(config, serviceName, schema)),
        KeysModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        configProvider,
        baseConfigProvider,
        DrainState,
        KafkaHealthIndicator,
        KeyServiceHealthIndicator,
        RateLimiter,
        AuditTrail,
      ],
      exports: [configProvider, baseConfigProvider, DrainState, KeysModule, RateLimiter, AuditTrail],
    };
  }
}
