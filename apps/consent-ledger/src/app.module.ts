import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@candor/auth';
import { PlatformModule } from '@candor/platform';
import type { ConsentLedgerConfig } from './config/consent-ledger.config';
import { ConsentsModule } from './consents/consents.module';
import { ConsentFormsModule } from './forms/consent-forms.module';
import { LedgerModule } from './ledger/ledger.module';
import { consentLedgerDataSourceOptions } from './persistence/data-source-options';

@Module({})
export class AppModule {
  static forRoot(config: ConsentLedgerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          serviceName: 'consent-ledger',
          config,
          dataSourceOptions: consentLedgerDataSourceOptions(config),
        }),
        AuthModule.forRoot({ replicateApiKeys: true, auditEvents: true }),
        LedgerModule,
        ConsentFormsModule,
        ConsentsModule,
      ],
    };
  }
}
