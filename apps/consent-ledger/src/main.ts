import 'reflect-metadata';
import { runService } from '@candor/platform';
import { consentLedgerService } from './consent-ledger.service-definition';

void runService(consentLedgerService);
