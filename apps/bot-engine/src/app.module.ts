import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@candor/auth';
import { PlatformModule } from '@candor/platform';
import { BotsModule } from './bots/bots.module';
import type { BotEngineConfig } from './config/bot-engine.config';
import { ConversationsModule } from './conversations/conversations.module';
import { botEngineDataSourceOptions } from './persistence/data-source-options';
import { PlaybooksModule } from './playbooks/playbooks.module';

@Module({})
export class AppModule {
  static forRoot(config: BotEngineConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          serviceName: 'bot-engine',
          config,
          dataSourceOptions: botEngineDataSourceOptions(config),
        }),
        AuthModule.forRoot({ replicateApiKeys: true, auditEvents: true }),
        BotsModule,
        PlaybooksModule,
        ConversationsModule,
      ],
    };
  }
}
