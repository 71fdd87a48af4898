import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@candor/auth';
import { PlatformModule } from '@candor/platform';
import type { HandoffConfig } from './config/handoff.config';
import { handoffDataSourceOptions } from './persistence/data-source-options';
import { QueueModule } from './queue/queue.module';
import { RoutingModule } from './routing/routing.module';

@Module({})
export class AppModule {
  static forRoot(config: HandoffConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          serviceName: 'handoff',
          config,
          dataSourceOptions: handoffDataSourceOptions(config),
        }),
        AuthModule.forRoot({ replicateApiKeys: true }),
        RoutingModule,
        QueueModule,
      ],
    };
  }
}
