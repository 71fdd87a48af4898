import { readFileSync } from 'fs';
import { resolve } from 'path';
import { PLAYBOOK_JSON_SCHEMA } from './playbook.schema';
import { REGENERATE_SCHEMA_COMMAND, renderPlaybookSchema } from './schema-document';

const SCHEMA_FILE = resolve(__dirname, '../../../../../docs/playbook.schema.json');

describe('docs/playbook.schema.json', () => {
  it('is up to date with PLAYBOOK_JSON_SCHEMA', () => {
    const published = readFileSync(SCHEMA_FILE, 'utf8');
    if (published !== renderPlaybookSchema()) {
      throw new Error(
        `docs/playbook.schema.json is stale; regenerate it from the repository root with:\n${REGENERATE_SCHEMA_COMMAND}`,
      );
    }
    expect(JSON.parse(published)).toEqual(JSON.parse(JSON.stringify(PLAYBOOK_JSON_SCHEMA)));
  });

  it('declares its id and draft', () => {
    expect(PLAYBOOK_JSON_SCHEMA).toEqual(
      expect.objectContaining({
        $id: 'https://candor.dev/schemas/playbook.v1.json',
        $schema: 'http://json-schema.org/draft-07/schema#',
      }),
    );
  });
});
