import { ApiKeyCredential } from '@candor/auth';
import { serviceDataSourceOptions } from '@candor/platform';
import type { BotEngineConfig } from '../config/bot-engine.config';
import { TenantBot } from '../bots/tenant-bot.entity';
import { ConsentFormCopy } from '../consent/consent-form-copy.entity';
import { BotConversation } from '../conversations/bot-conversation.entity';
import { CapturedField } from '../conversations/captured-field.entity';
import { PlaybookVersion } from '../playbooks/playbook-version.entity';
import { BOT_ENGINE_SCHEMA } from './bot-engine-schema';
import { CreateBotEngineSchema1764403200000 } from './migrations/1764403200000-create-bot-engine-schema';
import { PlaybooksPersonasAndTurnState1764576000000 } from './migrations/1764576000000-playbooks-personas-and-turn-state';
import { ConsentFormsAndPurposes1764662400000 } from './migrations/1764662400000-consent-forms-and-purposes';
import { ConsentMemory1764748800000 } from './migrations/1764748800000-consent-memory';
import { UncoveredValuesIndex1764835200000 } from './migrations/1764835200000-uncovered-values-index';
import { PendingConsents1764921600000 } from './migrations/1764921600000-pending-consents';
import { PrivacyNoticeVersion1765008000000 } from './migrations/1765008000000-privacy-notice-version';
import { ConversationRevision1765094400000 } from './migrations/1765094400000-conversation-revision';
import { ConsumerDeliveries1765180800000 } from './migrations/1765180800000-consumer-deliveries';
import { RateLimitWindows1765180800003 } from './migrations/1765180800003-rate-limit-windows';
import { ApiKeyExpiry1765180800005 } from './migrations/1765180800005-api-key-expiry';
import { AuditEvents1765180800004 } from './migrations/1765180800004-audit-events';
import { OffboardedTenants1765180800002 } from './migrations/1765180800002-offboarded-tenants';
import { RowLevelSecurity1765267200000 } from './migrations/1765267200000-row-level-security';

export function botEngineDataSourceOptions(config: BotEngineConfig) {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: BOT_ENGINE_SCHEMA,
    entities: [ApiKeyCredential, BotConversation, TenantBot, PlaybookVersion, CapturedField, ConsentFormCopy],
    migrations: [
      CreateBotEngineSchema1764403200000,
      PlaybooksPersonasAndTurnState1764576000000,
      ConsentFormsAndPurposes1764662400000,
      ConsentMemory1764748800000,
      UncoveredValuesIndex1764835200000,
      PendingConsents1764921600000,
      PrivacyNoticeVersion1765008000000,
      ConversationRevision1765094400000,
      ConsumerDeliveries1765180800000,
      OffboardedTenants1765180800002,
      RateLimitWindows1765180800003,
      AuditEvents1765180800004,
      ApiKeyExpiry1765180800005,
      RowLevelSecurity1765267200000,
    ],
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'candor-bot-engine',
  });
}
