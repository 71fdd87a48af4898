import type { ServiceDefinition } from '@candor/platform';
import { AppModule } from './app.module';
import { DsrConfig } from './config/dsr.config';
import { DSR_SCHEMA } from './persistence/dsr-schema';

export const dsrService: ServiceDefinition<DsrConfig> = {
  name: 'dsr',
  schema: DSR_SCHEMA,
  title: 'Candor data-subject requests',
  description:
    'Data-subject requests (access, erasure, portability, rectification, objection, human review): intake, identity verification, deadlines, the saga, the export archive and the certificate. (Foundation: health, metrics, API-key replica; the domain arrives with its issue.)',
  configClass: DsrConfig,
  rootModule: (config) => AppModule.forRoot(config),
};
