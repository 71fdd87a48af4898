import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { BaseServiceConfig } from '../config/base-service.config';

/** How a service is assembled; its `main.ts` passes this to `runService`. */
export interface ServiceDefinition<TConfig extends BaseServiceConfig> {
  name: string;
  /** Postgres schema the service owns. */
  schema: string;
  title: string;
  description: string;
  configClass: new () => TConfig;
  rootModule(config: TConfig): DynamicModule;
  /** Service-specific setup of the app before it listens (e.g. a WebSocket adapter). */
  configure?(app: INestApplication, config: TConfig): void;
}
