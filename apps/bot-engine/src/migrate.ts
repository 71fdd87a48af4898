import 'reflect-metadata';
import { runMigrationCommand } from '@candor/platform';
import { BotEngineConfig } from './config/bot-engine.config';
import { botEngineDataSourceOptions } from './persistence/data-source-options';

void runMigrationCommand(BotEngineConfig, botEngineDataSourceOptions);
