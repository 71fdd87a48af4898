import { ApiKeyCredential } from '@candor/auth';
import { serviceDataSourceOptions } from '@candor/platform';
import type { ConversationConfig } from '../config/conversation.config';
import { Conversation } from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';
import { PrivacyNotice } from '../tenancy/privacy-notice.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { CONVERSATION_SCHEMA } from './conversation-schema';
import { CreateConversationSchema1764403200000 } from './migrations/1764403200000-create-conversation-schema';
import { GuardStatesAndNoticeVersions1764576000000 } from './migrations/1764576000000-guard-states-and-notice-versions';
import { ConsumerDeliveries1765180800000 } from './migrations/1765180800000-consumer-deliveries';
import { RateLimitWindows1765180800003 } from './migrations/1765180800003-rate-limit-windows';
import { ApiKeyExpiry1765180800005 } from './migrations/1765180800005-api-key-expiry';
import { AuditEvents1765180800004 } from './migrations/1765180800004-audit-events';
import { RowLevelSecurity1765267200000 } from './migrations/1765267200000-row-level-security';

export function conversationDataSourceOptions(config: ConversationConfig) {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: CONVERSATION_SCHEMA,
    entities: [Tenant, PrivacyNotice, ApiKeyCredential, Conversation, Message],
    migrations: [
      CreateConversationSchema1764403200000,
      GuardStatesAndNoticeVersions1764576000000,
      ConsumerDeliveries1765180800000,
      RateLimitWindows1765180800003,
      AuditEvents1765180800004,
      ApiKeyExpiry1765180800005,
      RowLevelSecurity1765267200000,
    ],
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'candor-conversation',
  });
}
