import { botReplyCreatedV3, consentDecidedV1, dataRequestedV1, handoffRequestedV1, queueLeftV1 } from './events';
import { conversationStartedV2, conversationStatusChangedV2, messagePostedV3 } from './events';
import { consentFormPublishedV1, consentRecordedV1 } from './events';
import { handoffQueueTimedOutV1, handoffQueuedV1, handoffUnstaffedV1 } from './events';
import { subjectKeyDestroyedV1 } from './events';
import { apiKeyIssuedV1, apiKeyIssuedV2, apiKeyRevokedV1, tenantCreatedV1, tenantOffboardedV1 } from './events';
import type { EventDefinition } from './event-definition';

/** Every event contract Candor knows, in one place. */
export const EVENT_CATALOGUE: readonly EventDefinition<never>[] = [
  tenantCreatedV1,
  tenantOffboardedV1,
  apiKeyIssuedV1,
  apiKeyIssuedV2,
  apiKeyRevokedV1,
  conversationStartedV2,
  messagePostedV3,
  conversationStatusChangedV2,
  botReplyCreatedV3,
  handoffRequestedV1,
  consentDecidedV1,
  dataRequestedV1,
  queueLeftV1,
  handoffQueuedV1,
  handoffUnstaffedV1,
  handoffQueueTimedOutV1,
  consentFormPublishedV1,
  consentRecordedV1,
  subjectKeyDestroyedV1,
] as unknown as EventDefinition<never>[];

export function definitionKey(type: string, schemaVersion: number): string {
  return `${type}@${schemaVersion}`;
}

const byTypeAndVersion = new Map(
  EVENT_CATALOGUE.map((definition) => [definitionKey(definition.type, definition.schemaVersion), definition]),
);

export function findEventDefinition(type: string, schemaVersion: number): EventDefinition<never> | undefined {
  return byTypeAndVersion.get(definitionKey(type, schemaVersion));
}

/**
 * Topic names on the wire. A namespace (e.g. per environment, or per test run)
 * prefixes every topic and consumer group so several Candors can share a cluster.
 */
export function topicName(topic: string, namespace = ''): string {
  return namespace ? `${namespace}.${topic}` : topic;
}

/** Dead-letter topic of one consuming service: what it could not process, kept for replay. */
export function deadLetterTopic(service: string): string {
  return `candor.dead-letter.${service}.v1`;
}
