import 'reflect-metadata';
import { runService } from '@candor/platform';
import { botEngineService } from './bot-engine.service-definition';

void runService(botEngineService);
