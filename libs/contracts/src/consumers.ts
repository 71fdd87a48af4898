import { botReplyCreatedV3, consentDecidedV1, dataRequestedV1, handoffRequestedV1, queueLeftV1 } from './events';
import { consentFormPublishedV1, consentRecordedV1 } from './events';
import { conversationStartedV2, conversationStatusChangedV2, messagePostedV3 } from './events';
import { handoffQueueTimedOutV1, handoffQueuedV1, handoffUnstaffedV1 } from './events';
import { subjectKeyDestroyedV1 } from './events';
import { apiKeyIssuedV1, apiKeyIssuedV2, apiKeyRevokedV1, tenantOffboardedV1 } from './events';

/** The Candor services: each publishes the events it owns (`EventDefinition.owner`) and consumes those below. */
export const CANDOR_SERVICES = ['conversation', 'bot-engine', 'handoff', 'consent-ledger', 'dsr'] as const;
export type CandorService = (typeof CANDOR_SERVICES)[number];

/** What every service consumes through shared modules: key-cache eviction and off-boarding (platform's keys). */
const EVERY_SERVICE = [subjectKeyDestroyedV1.topic, tenantOffboardedV1.topic];
/** The API-key replica of the services that do not issue keys themselves (auth's replication handler). */
const API_KEY_REPLICA = [apiKeyIssuedV1.topic, apiKeyIssuedV2.topic, apiKeyRevokedV1.topic, tenantOffboardedV1.topic];

/**
 * The topics each service consumes: its `@EventPattern` handlers and those of the shared modules it imports
 * (a unit test in apps/candor-e2e compares this with the handlers). Kafka ACLs (libs/messaging kafka-acls) let a
 * service read these topics and no others, so a handler added without a line here fails at start-up against a
 * broker with ACLs: the test says which line is missing first.
 */
export const CONSUMED_TOPICS: Readonly<Record<CandorService, readonly string[]>> = {
  conversation: unique([botReplyCreatedV3.topic, handoffQueuedV1.topic, queueLeftV1.topic, ...EVERY_SERVICE]),
  'bot-engine': unique([
    conversationStartedV2.topic,
    messagePostedV3.topic,
    conversationStatusChangedV2.topic,
    handoffUnstaffedV1.topic,
    handoffQueueTimedOutV1.topic,
    consentFormPublishedV1.topic,
    consentRecordedV1.topic,
    ...API_KEY_REPLICA,
    ...EVERY_SERVICE,
  ]),
  handoff: unique([handoffRequestedV1.topic, conversationStatusChangedV2.topic, ...API_KEY_REPLICA, ...EVERY_SERVICE]),
  'consent-ledger': unique([consentDecidedV1.topic, dataRequestedV1.topic, ...API_KEY_REPLICA, ...EVERY_SERVICE]),
  dsr: unique([dataRequestedV1.topic, ...API_KEY_REPLICA, ...EVERY_SERVICE]),
};

function unique(topics: string[]): readonly string[] {
  return [...new Set(topics)].sort();
}
