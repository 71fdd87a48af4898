import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutTablePadding } from '../../libs/platform/src/errors/error-docs';
import { readSettings, renderConfigurationTable, renderEnvExample, tableIn } from './config-reference';

const ROOT = join(__dirname, '../..');

describe('the configuration reference', () => {
  const settings = readSettings();

  it('reads every setting of the base class and of each service, with a meaning for each', () => {
    const names = settings.map((setting) => setting.name);
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'VAULT_ADDR', 'BOOTSTRAP_API_KEY', 'PORT']));
    expect(settings.filter((setting) => !setting.description).map((setting) => setting.name)).toEqual([]);
    const port = settings.find((setting) => setting.name === 'PORT');
    expect(port?.overrides.map(({ value }) => value)).toEqual(['4101', '4102', '4103', '4104', '4105']);
  });

  it('is committed up to date in docs/configuration.md and .env.example (run `npm run docs:config`)', () => {
    const document = readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8');
    expect(withoutTablePadding(tableIn(document))).toBe(withoutTablePadding(renderConfigurationTable(settings)));
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toBe(renderEnvExample(settings));
  });
});
