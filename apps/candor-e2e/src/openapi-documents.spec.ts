import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from './support/candor-stack';
import { openApiDocumentOf } from './support/openapi-documents';

const DOCS = join(__dirname, '../../../docs/openapi');

/** docs/openapi/ holds what each service serves at /docs-json (the fuzzing in CI reads the served ones). */
describe('the committed OpenAPI documents', () => {
  it.each(Object.keys(SERVICES) as ServiceName[])(
    'docs/openapi/%s.json is up to date (run `npm run docs:openapi`)',
    async (name) => {
      const committed = JSON.parse(readFileSync(join(DOCS, `${name}.json`), 'utf8'));
      const current = await openApiDocumentOf(name);
      expect(Object.keys(committed.paths).length).toBeGreaterThan(0);
      expect(committed).toEqual(JSON.parse(JSON.stringify(current)));
    },
  );
});
