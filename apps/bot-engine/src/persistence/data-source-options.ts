import { ApiKeyCredential } from '@candor/auth';
import { serviceDataSourceOptions } from '@candor/platform';
import type { BotEngineConfig } from '../config/bot-engine.config';
import { BotConversation } from '../conversations/bot-conversation.entity';
import { BOT_ENGINE_SCHEMA } from './bot-engine-schema';
import { CreateBotEngineSchema1764403200000 } from './migrations/1764403200000-create-bot-engine-schema';

export function botEngineDataSourceOptions(config: BotEngineConfig) {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: BOT_ENGINE_SCHEMA,
    entities: [ApiKeyCredential, BotConversation],
    migrations: [CreateBotEngineSchema1764403200000],
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'candor-bot-engine',
  });
}
