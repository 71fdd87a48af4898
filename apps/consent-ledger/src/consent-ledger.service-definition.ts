import type { ServiceDefinition } from '@candor/platform';
import { AppModule } from './app.module';
import { ConsentLedgerConfig } from './config/consent-ledger.config';
import { CONSENT_LEDGER_SCHEMA } from './persistence/consent-ledger-schema';

export const consentLedgerService: ServiceDefinition<ConsentLedgerConfig> = {
  name: 'consent-ledger',
  schema: CONSENT_LEDGER_SCHEMA,
  title: 'Candor consent ledger',
  description:
    'Consent forms and policy versions, the append-only tamper-evident ledger of consent events, proofs, and the compliance query and export API. (Foundation: health, metrics, API-key replica; the domain arrives with its issue.)',
  configClass: ConsentLedgerConfig,
  rootModule: (config) => AppModule.forRoot(config),
};
