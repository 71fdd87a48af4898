import { fixtureSource } from './model/fixtures/test-playbooks';
import { IsolatedPlaybookParser } from './isolated-playbook-parser';

describe('IsolatedPlaybookParser', () => {
  const parser = new IsolatedPlaybookParser();

  afterAll(() => parser.onModuleDestroy());

  it('parses playbooks in a worker exactly as the model does', async () => {
    const result = await parser.parse(fixtureSource('yaml'), 'yaml');
    expect(result.ok).toBe(true);
    const broken = await parser.parse('name: a\nname: b\n', 'yaml');
    expect(broken.ok ? [] : broken.errors.map((error) => error.code)).toContain('syntax_error');
  });

  it('refuses a document too costly to parse, then parses the next one with a fresh worker', async () => {
    // 20,000 keys in one map: the parser's duplicate-key check is quadratic (about 10 s on this machine).
    const costly = Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n');
    const refused = await parser.parse(costly, 'yaml');
    expect(refused.ok ? [] : refused.errors.map((error) => error.code)).toEqual(['too_complex']);
    expect((await parser.parse(fixtureSource('json'), 'json')).ok).toBe(true);
  });
});
