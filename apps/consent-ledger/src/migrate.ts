import 'reflect-metadata';
import { runMigrationCommand } from '@candor/platform';
import { ConsentLedgerConfig } from './config/consent-ledger.config';
import { consentLedgerDataSourceOptions } from './persistence/data-source-options';

void runMigrationCommand(ConsentLedgerConfig, consentLedgerDataSourceOptions);
