/**
 * Writes docs/errors.md from the error catalogue (`npm run docs:errors`).
 * A unit test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderErrorCatalogue } from '../libs/platform/src/errors/error-docs';

const target = join(__dirname, '..', 'docs', 'errors.md');
writeFileSync(target, renderErrorCatalogue());
process.stdout.write(`wrote ${target}\n`);
