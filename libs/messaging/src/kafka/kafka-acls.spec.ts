import {
  CANDOR_SERVICES,
  CONSUMED_TOPICS,
  EVENT_CATALOGUE,
  apiKeyIssuedV1,
  botReplyCreatedV3,
  deadLetterTopic,
  topicName,
} from '@candor/contracts';
import { type ServiceAcl, serviceAcls } from './kafka-acls';

describe('the services’ Kafka ACLs', () => {
  const namespace = 't0123456789';
  const acls = serviceAcls(namespace);
  const holders = (resourceName: string, operation: ServiceAcl['operation']) =>
    acls
      .filter((acl) => acl.resourceName === resourceName && acl.operation === operation)
      .map((acl) => acl.service)
      .sort();

  it('lets only the owner of a topic write it', () => {
    for (const definition of EVENT_CATALOGUE) {
      expect(holders(topicName(definition.topic, namespace), 'WRITE')).toEqual([definition.owner]);
    }
    expect(holders(topicName(apiKeyIssuedV1.topic, namespace), 'WRITE')).not.toContain('bot-engine');
  });

  it('lets a service read exactly the topics it consumes, and nobody read a dead-letter topic', () => {
    for (const definition of EVENT_CATALOGUE) {
      const readers = CANDOR_SERVICES.filter((service) => CONSUMED_TOPICS[service].includes(definition.topic));
      expect(holders(topicName(definition.topic, namespace), 'READ')).toEqual([...readers].sort());
    }
    for (const service of CANDOR_SERVICES) {
      const deadLetters = topicName(deadLetterTopic(service), namespace);
      expect(holders(deadLetters, 'WRITE')).toEqual([service]);
      expect(holders(deadLetters, 'READ')).toEqual([]);
    }
  });

  it('gives each service its own consumer group only, and nothing outside the namespace', () => {
    const groups = acls.filter((acl) => acl.resourceType === 'group');
    expect(groups.map((acl) => [acl.service, acl.resourceName, acl.operation])).toEqual(
      CANDOR_SERVICES.map((service) => [service, `${namespace}.candor-${service}`, 'READ']),
    );
    for (const acl of acls) expect(acl.resourceName.startsWith(`${namespace}.`)).toBe(true);
  });

  it('names each service’s principal as told, and the empty namespace without a prefix', () => {
    const plain = serviceAcls('', (service) => `User:candor-${service}`);
    const writers = plain.filter((acl) => acl.resourceName === botReplyCreatedV3.topic && acl.operation === 'WRITE');
    expect(writers.map((acl) => acl.principal)).toEqual(['User:candor-bot-engine']);
    expect(plain.find((acl) => acl.resourceType === 'group' && acl.service === 'dsr')?.resourceName).toBe('candor-dsr');
  });
});
