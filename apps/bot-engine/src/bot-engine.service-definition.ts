import type { ServiceDefinition } from '@candor/platform';
import { AppModule } from './app.module';
import { BotEngineConfig } from './config/bot-engine.config';
import { BOT_ENGINE_SCHEMA } from './persistence/bot-engine-schema';

export const botEngineService: ServiceDefinition<BotEngineConfig> = {
  name: 'bot-engine',
  schema: BOT_ENGINE_SCHEMA,
  title: 'Candor bot engine',
  description: "Bot personas, playbooks and per-conversation bot state; the bot's replies and actions.",
  configClass: BotEngineConfig,
  rootModule: (config) => AppModule.forRoot(config),
};
