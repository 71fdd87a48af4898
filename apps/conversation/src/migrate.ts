import 'reflect-metadata';
import { runMigrationCommand } from '@candor/platform';
import { ConversationConfig } from './config/conversation.config';
import { conversationDataSourceOptions } from './persistence/data-source-options';

void runMigrationCommand(ConversationConfig, conversationDataSourceOptions);
