import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlaybook } from './parse-playbook';

const EXAMPLE = join(__dirname, '../../../../../docs/examples/faq.playbook.yaml');

/** The FAQ playbook the README's quick start publishes (and `npm run bench:bot` runs) is a valid playbook. */
describe('the example FAQ playbook', () => {
  it('parses and validates against the playbook schema, in both of its languages', () => {
    const result = parsePlaybook(readFileSync(EXAMPLE, 'utf8'), 'yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.playbook.start).toBe('ask');
    expect(result.playbook.intents?.map((intent) => intent.name)).toEqual([
      'opening_hours',
      'prices',
      'location',
      'bye',
    ]);
  });
});
