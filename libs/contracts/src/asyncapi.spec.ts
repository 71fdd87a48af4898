import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from './asyncapi';
import { EVENT_CATALOGUE } from './registry';

describe('AsyncAPI description', () => {
  const document = buildAsyncApiDocument() as { channels: Record<string, { address: string }> };

  it('describes every event of the catalogue on its topic', () => {
    const addresses = Object.values(document.channels).map((channel) => channel.address);
    for (const definition of EVENT_CATALOGUE) {
      expect(addresses).toContain(definition.topic);
    }
  });

  it('is committed up to date in docs/asyncapi.json (run `npm run asyncapi`)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../docs/asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
