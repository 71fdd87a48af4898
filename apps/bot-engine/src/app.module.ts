import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@candor/auth';
import { PlatformModule } from '@candor/platform';
import type { BotEngineConfig } from './config/bot-engine.config';
import { BotConversation } from './conversations/bot-conversation.entity';
import { ConversationEventsHandler } from './conversations/conversation-events.handler';
import { botEngineDataSourceOptions } from './persistence/data-source-options';

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
        AuthModule.forRoot({ replicateApiKeys: true }),
        TypeOrmModule.forFeature([BotConversation]),
      ],
      controllers: [ConversationEventsHandler],
    };
  }
}
