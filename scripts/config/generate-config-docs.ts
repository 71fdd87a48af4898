/**
 * Writes the configuration table of docs/configuration.md and the whole of .env.example from the configuration
 * classes (`npm run docs:config`). A test fails when either is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings, renderConfigurationTable, renderEnvExample, withTable } from './config-reference';

const ROOT = join(__dirname, '../..');
const settings = readSettings();
const docs = join(ROOT, 'docs/configuration.md');
writeFileSync(docs, withTable(readFileSync(docs, 'utf8'), renderConfigurationTable(settings)));
writeFileSync(join(ROOT, '.env.example'), renderEnvExample(settings));
process.stdout.write(`wrote ${docs} and .env.example (${settings.length} settings)\n`);
