import 'reflect-metadata';
import { runService } from '@candor/platform';
import { handoffService } from './handoff.service-definition';

void runService(handoffService);
