import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@candor/auth';
import { PlatformModule } from '@candor/platform';
import type { ConversationConfig } from './config/conversation.config';
import { ConversationsModule } from './conversations/conversations.module';
import { GuardModule } from './guard/guard.module';
import { conversationDataSourceOptions } from './persistence/data-source-options';
import { TenancyModule } from './tenancy/tenancy.module';

@Module({})
export class AppModule {
  static forRoot(config: ConversationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          serviceName: 'conversation',
          config,
          dataSourceOptions: conversationDataSourceOptions(config),
        }),
        // This service issues API keys, so it holds the originals rather than a replica.
        AuthModule.forRoot({
          replicateApiKeys: false,
          auditEvents: true,
          visitorTokenSecrets: [config.VISITOR_TOKEN_SECRET, ...config.previousVisitorTokenSecrets],
        }),
        TenancyModule,
        ConversationsModule,
        GuardModule,
      ],
    };
  }
}
