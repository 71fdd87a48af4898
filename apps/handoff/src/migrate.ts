import 'reflect-metadata';
import { runMigrationCommand } from '@candor/platform';
import { HandoffConfig } from './config/handoff.config';
import { handoffDataSourceOptions } from './persistence/data-source-options';

void runMigrationCommand(HandoffConfig, handoffDataSourceOptions);
