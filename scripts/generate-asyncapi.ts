/**
 * Writes docs/asyncapi.json from the event catalogue (`npm run asyncapi`).
 * A unit test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from '../libs/contracts/src/asyncapi';

const target = join(__dirname, '..', 'docs', 'asyncapi.json');
writeFileSync(target, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
