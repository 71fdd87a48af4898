import 'reflect-metadata';
import { runMigrationCommand } from '@candor/platform';
import { DsrConfig } from './config/dsr.config';
import { dsrDataSourceOptions } from './persistence/data-source-options';

void runMigrationCommand(DsrConfig, dsrDataSourceOptions);
