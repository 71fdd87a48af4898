import {
  type AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  type Admin,
  ResourcePatternTypes,
} from 'kafkajs';
import {
  CANDOR_SERVICES,
  CONSUMED_TOPICS,
  type CandorService,
  EVENT_CATALOGUE,
  deadLetterTopic,
  topicName,
} from '@candor/contracts';
import { consumerGroupId } from './kafka-settings';

export type KafkaAclOperation = 'READ' | 'WRITE' | 'CREATE' | 'DESCRIBE';

/** Why a service holds a permission. */
export type KafkaAclReason = 'owns' | 'consumes' | 'dead-letters' | 'consumer-group';

/** One permission of one service: ALLOW, from any host, on one resource named exactly (a LITERAL pattern). */
export interface ServiceAcl {
  service: CandorService;
  principal: string;
  resourceType: 'topic' | 'group';
  resourceName: string;
  operation: KafkaAclOperation;
  reason: KafkaAclReason;
}

/** The Kafka principal a service logs in as: `User:<its SASL username>`. */
export type PrincipalOf = (service: CandorService) => string;

export const servicePrincipal: PrincipalOf = (service) => `User:${service}`;

/**
 * Every permission the services need in one namespace, derived from the event catalogue (who owns which
 * topic) and the consumption map (who reads which), so that only the owner may write a topic and a service
 * may read only what it consumes:
 * - the owner of a topic: WRITE, CREATE (it creates its topics at start), DESCRIBE;
 * - each consumer of a topic: READ, CREATE (it creates a consumed topic that does not exist yet), DESCRIBE;
 * - each service on its own dead-letter topic: WRITE, CREATE, DESCRIBE;
 * - each service on its own consumer group: READ (joining, fetching and committing offsets).
 * Nothing on the cluster: the idempotent producer's InitProducerId is allowed by WRITE on any topic.
 */
export function serviceAcls(namespace: string, principalOf: PrincipalOf = servicePrincipal): ServiceAcl[] {
  const acls = new Map<string, ServiceAcl>();
  const grant = (
    service: CandorService,
    resourceType: ServiceAcl['resourceType'],
    resourceName: string,
    operations: KafkaAclOperation[],
    reason: KafkaAclReason,
  ) => {
    for (const operation of operations) {
      const key = `${service}\u0000${resourceType}\u0000${resourceName}\u0000${operation}`;
      if (!acls.has(key)) {
        acls.set(key, { service, principal: principalOf(service), resourceType, resourceName, operation, reason });
      }
    }
  };
  for (const service of CANDOR_SERVICES) {
    for (const definition of EVENT_CATALOGUE.filter((candidate) => candidate.owner === service)) {
      grant(service, 'topic', topicName(definition.topic, namespace), ['WRITE', 'CREATE', 'DESCRIBE'], 'owns');
    }
    const deadLetters = topicName(deadLetterTopic(service), namespace);
    grant(service, 'topic', deadLetters, ['WRITE', 'CREATE', 'DESCRIBE'], 'dead-letters');
    for (const topic of CONSUMED_TOPICS[service]) {
      grant(service, 'topic', topicName(topic, namespace), ['READ', 'CREATE', 'DESCRIBE'], 'consumes');
    }
    grant(service, 'group', consumerGroupId({ namespace, serviceName: service }), ['READ'], 'consumer-group');
  }
  return [...acls.values()];
}

/**
 * Creates the services' ACLs of a namespace (creating an ACL that exists changes nothing) and returns once the
 * broker enforces them: the controller commits them first, and a service started a moment too early would be
 * refused (kafkajs does not retry an authorization failure).
 */
export async function applyServiceAcls(
  admin: Admin,
  namespace: string,
  principalOf: PrincipalOf = servicePrincipal,
  { visibleWithinMs = 10_000 } = {},
): Promise<ServiceAcl[]> {
  const acls = serviceAcls(namespace, principalOf);
  await admin.createAcls({ acl: acls.map(toKafkaAcl) });
  // One request, one metadata batch: when its last ACL is visible, all are.
  const last = toKafkaAcl(acls[acls.length - 1]);
  const deadline = Date.now() + visibleWithinMs;
  for (;;) {
    const { resources } = await admin.describeAcls(last);
    if (resources.some((resource) => resource.acls.length > 0)) return acls;
    if (Date.now() > deadline) throw new Error(`Kafka ACLs of namespace "${namespace}" not visible in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Deletes exactly the services' ACLs of a namespace (e.g. a test's, once its topics are gone). */
export async function removeServiceAcls(
  admin: Admin,
  namespace: string,
  principalOf: PrincipalOf = servicePrincipal,
): Promise<number> {
  const response = await admin.deleteAcls({ filters: serviceAcls(namespace, principalOf).map(toKafkaAcl) });
  return response.filterResponses.reduce((sum, filter) => sum + filter.matchingAcls.length, 0);
}

/** The ACLs as a readable table, one line per service and resource: `service  topic  name  OPERATIONS (why)`. */
export function formatServiceAcls(acls: ServiceAcl[]): string {
  const rows = new Map<string, { acl: ServiceAcl; operations: KafkaAclOperation[]; reasons: Set<KafkaAclReason> }>();
  for (const acl of acls) {
    const key = `${acl.service}\u0000${acl.resourceType}\u0000${acl.resourceName}`;
    const row = rows.get(key) ?? { acl, operations: [], reasons: new Set() };
    row.operations.push(acl.operation);
    row.reasons.add(acl.reason);
    rows.set(key, row);
  }
  const width = Math.max(...acls.map((acl) => acl.principal.length));
  return [...rows.values()]
    .map(
      ({ acl, operations, reasons }) =>
        `${acl.principal.padEnd(width)}  ${acl.resourceType.padEnd(5)}  ${acl.resourceName}  ` +
        `${operations.join(',')} (${[...reasons].join(', ')})`,
    )
    .join('\n');
}

function toKafkaAcl(acl: ServiceAcl): AclEntry {
  return {
    resourceType: acl.resourceType === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: acl.resourceName,
    resourcePatternType: ResourcePatternTypes.LITERAL,
    principal: acl.principal,
    host: '*',
    operation: AclOperationTypes[acl.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}
