import 'reflect-metadata';
import { runService } from '@candor/platform';
import { conversationService } from './conversation.service-definition';

void runService(conversationService);
