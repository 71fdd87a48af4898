import { CANDOR_SERVICES, CONSUMED_TOPICS } from './consumers';
import { subjectKeyDestroyedV1 } from './events';
import { apiKeyIssuedV1, apiKeyRevokedV1, tenantOffboardedV1 } from './events';
import { EVENT_CATALOGUE } from './registry';

describe('which service consumes which topic', () => {
  const catalogueTopics = new Set(EVENT_CATALOGUE.map((definition) => definition.topic));

  it('names only topics of the catalogue', () => {
    for (const service of CANDOR_SERVICES) {
      for (const topic of CONSUMED_TOPICS[service]) expect(catalogueTopics).toContain(topic);
    }
  });

  it('has an owner among the services for every event', () => {
    for (const definition of EVENT_CATALOGUE) expect(CANDOR_SERVICES).toContain(definition.owner);
  });

  it('lets every service that does not issue API keys replicate them, and every service evict erased keys', () => {
    for (const service of CANDOR_SERVICES) {
      expect(CONSUMED_TOPICS[service]).toContain(subjectKeyDestroyedV1.topic);
      expect(CONSUMED_TOPICS[service]).toContain(tenantOffboardedV1.topic);
      if (service === 'conversation') continue;
      expect(CONSUMED_TOPICS[service]).toEqual(expect.arrayContaining([apiKeyIssuedV1.topic, apiKeyRevokedV1.topic]));
    }
  });
});
