/**
 * Writes docs/openapi/<service>.json, each service's OpenAPI document as it serves it at /docs-json
 * (`npm run docs:openapi`). A test fails when one is out of date.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from '../apps/candor-e2e/src/support/candor-stack';
import { openApiDocumentOf } from '../apps/candor-e2e/src/support/openapi-documents';

async function main(): Promise<void> {
  const directory = join(__dirname, '..', 'docs', 'openapi');
  mkdirSync(directory, { recursive: true });
  for (const name of Object.keys(SERVICES) as ServiceName[]) {
    writeFileSync(join(directory, `${name}.json`), `${JSON.stringify(await openApiDocumentOf(name), null, 2)}\n`);
    process.stdout.write(`wrote docs/openapi/${name}.json\n`);
  }
}

void main();
