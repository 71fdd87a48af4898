import { ApiKeyCredential } from '@candor/auth';
import { serviceDataSourceOptions } from '@candor/platform';
import type { HandoffConfig } from '../config/handoff.config';
import { HANDOFF_SCHEMA } from './handoff-schema';
import { AgentAvailability } from '../agents/agent-availability.entity';
import { CreateHandoffSchema1764403200000 } from './migrations/1764403200000-create-handoff-schema';
import { CreateAgentAvailability1764576000000 } from './migrations/1764576000000-create-agent-availability';
import { AgentSkills1764662400000 } from './migrations/1764662400000-agent-skills';
import { QueueEntries1765094400000 } from './migrations/1765094400000-queue-entries';
import { ConsumerDeliveries1765180800000 } from './migrations/1765180800000-consumer-deliveries';
import { RateLimitWindows1765180800003 } from './migrations/1765180800003-rate-limit-windows';
import { ApiKeyExpiry1765180800005 } from './migrations/1765180800005-api-key-expiry';
import { OffboardedTenants1765180800002 } from './migrations/1765180800002-offboarded-tenants';
import { RowLevelSecurity1765267200000 } from './migrations/1765267200000-row-level-security';

export function handoffDataSourceOptions(config: HandoffConfig) {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: HANDOFF_SCHEMA,
    entities: [ApiKeyCredential, AgentAvailability],
    migrations: [
      CreateHandoffSchema1764403200000,
      CreateAgentAvailability1764576000000,
      AgentSkills1764662400000,
      QueueEntries1765094400000,
      ConsumerDeliveries1765180800000,
      OffboardedTenants1765180800002,
      RateLimitWindows1765180800003,
      ApiKeyExpiry1765180800005,
      RowLevelSecurity1765267200000,
    ],
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'candor-handoff',
  });
}
