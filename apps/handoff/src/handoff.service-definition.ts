import type { ServiceDefinition } from '@candor/platform';
import { AppModule } from './app.module';
import { HandoffConfig } from './config/handoff.config';
import { HANDOFF_SCHEMA } from './persistence/handoff-schema';

export const handoffService: ServiceDefinition<HandoffConfig> = {
  name: 'handoff',
  schema: HANDOFF_SCHEMA,
  title: 'Candor handoff service',
  description:
    'Agents, teams, skills, working hours, routing and the queue; accept, transfer, release and close; meeting availability and bookings. (Foundation: health, metrics, API-key replica; the domain arrives with its issue.)',
  configClass: HandoffConfig,
  rootModule: (config) => AppModule.forRoot(config),
};
