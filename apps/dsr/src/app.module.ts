import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@candor/auth';
import { PlatformModule } from '@candor/platform';
import type { DsrConfig } from './config/dsr.config';
import { DataRequestsModule } from './data-requests/data-requests.module';
import { KeyRotationModule } from './key-rotation/key-rotation.module';
import { dsrDataSourceOptions } from './persistence/data-source-options';

@Module({})
export class AppModule {
  static forRoot(config: DsrConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          serviceName: 'dsr',
          config,
          dataSourceOptions: dsrDataSourceOptions(config),
        }),
        AuthModule.forRoot({ replicateApiKeys: true }),
        KeyRotationModule,
        DataRequestsModule,
      ],
    };
  }
}
