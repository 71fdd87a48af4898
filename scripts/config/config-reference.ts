/**
 * The configuration reference, read from the configuration classes themselves (their properties, defaults,
 * validation decorators and doc comments): the table of docs/configuration.md and the whole of .env.example are
 * rendered from it (`npm run docs:config`), and a test fails when either is stale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { CANDOR_SERVICES } from '../../libs/contracts/src/consumers';

const ROOT = join(__dirname, '../..');
const BASE_FILE = 'libs/platform/src/config/base-service.config.ts';

export interface Setting {
  name: string;
  description: string;
  /** What `.env.example` shows for a required setting (the `@example` tag). */
  example: string | undefined;
  secret: boolean;
  /** Without it (or its alternative) the service does not start in the default setup. */
  required: boolean;
  /** The default for every service, and the services that differ. */
  defaultValue: string | undefined;
  overrides: { service: string; value: string }[];
  /** Empty: every service. */
  services: string[];
}

interface Declared {
  name: string;
  description: string;
  example: string | undefined;
  secret: boolean;
  optional: boolean;
  /** `@requiredByDefault`: required only in some setups (`@ValidateIf`), the default one among them. */
  requiredByDefault: boolean;
  value: string | undefined;
}

/** Every setting, in the order the base class and then each service declare them. */
export function readSettings(): Setting[] {
  const settings = new Map<string, Setting>();
  for (const declared of declarationsIn(BASE_FILE)) {
    settings.set(declared.name, { ...toSetting(declared), services: [] });
  }
  for (const service of CANDOR_SERVICES) {
    const file = `apps/${service}/src/config/${service}.config.ts`;
    for (const declared of declarationsIn(file)) {
      const base = settings.get(declared.name);
      if (!base) {
        settings.set(declared.name, { ...toSetting(declared), services: [service] });
      } else if (base.defaultValue === undefined && base.overrides.length === 0 && declared.value !== undefined) {
        // Declared by the base without a default (PORT): each service gives its own.
        base.overrides.push({ service, value: declared.value });
        base.required = false;
      } else if (declared.value !== undefined && declared.value !== base.defaultValue) {
        base.overrides.push({ service, value: declared.value });
      }
    }
  }
  return [...settings.values()];
}

function toSetting(declared: Declared): Omit<Setting, 'services'> {
  return {
    name: declared.name,
    description: declared.description,
    example: declared.example,
    secret: declared.secret,
    required: declared.requiredByDefault || (!declared.optional && declared.value === undefined),
    defaultValue: declared.value,
    overrides: [],
  };
}

function declarationsIn(file: string): Declared[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: Declared[] = [];
  source.forEachChild((node) => {
    if (!ts.isClassDeclaration(node)) return;
    for (const member of node.members) {
      if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name)) continue;
      const name = member.name.text;
      if (!/^[A-Z][A-Z0-9_]*$/.test(name)) continue;
      const decorators = (ts.getDecorators(member) ?? []).map((decorator) =>
        ts.isCallExpression(decorator.expression) ? decorator.expression.expression.getText(source) : '',
      );
      const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
      const description = docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join(' ');
      const tags = docs.flatMap((doc) => doc.tags ?? []);
      const example = tags
        .find((tag) => tag.tagName.text === 'example')
        ?.comment?.toString()
        .trim();
      found.push({
        name,
        description: description.replace(/\s+/g, ' ').trim(),
        example,
        secret: decorators.includes('Secret'),
        optional: decorators.includes('IsOptional') || decorators.includes('ValidateIf'),
        requiredByDefault: tags.some((tag) => tag.tagName.text === 'requiredByDefault'),
        value: member.initializer ? valueOf(member.initializer, source) : undefined,
      });
    }
  });
  return found;
}

/** A literal's value as an environment variable would spell it (`24 * 3600` → 86400, `10_000` → 10000). */
function valueOf(expression: ts.Expression, source: ts.SourceFile): string {
  const number = numberOf(expression);
  if (number !== undefined) return String(number);
  if (ts.isStringLiteral(expression)) return expression.text;
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return 'true';
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return 'false';
  return expression.getText(source);
}

function numberOf(expression: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(expression)) return Number(expression.text.replace(/_/g, ''));
  if (ts.isParenthesizedExpression(expression)) return numberOf(expression.expression);
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
    const [left, right] = [numberOf(expression.left), numberOf(expression.right)];
    return left === undefined || right === undefined ? undefined : left * right;
  }
  return undefined;
}

function defaultText(setting: Setting): string {
  if (setting.required) return setting.secret ? 'required, secret' : 'required';
  const base =
    setting.defaultValue === undefined
      ? 'empty'
      : setting.defaultValue === ''
        ? 'empty'
        : `\`${setting.defaultValue}\``;
  const others = setting.overrides.map(({ service, value }) => `${service} \`${value}\``).join(', ');
  const shown = setting.defaultValue === undefined && others ? others : others ? `${base} (${others})` : base;
  return setting.secret ? `${shown}, secret` : shown;
}

/** The table of docs/configuration.md. */
export function renderConfigurationTable(settings: readonly Setting[]): string {
  const rows = settings.map(
    (setting) =>
      `| \`${setting.name}\` | ${defaultText(setting)} | ${setting.services.join(', ') || 'all'} | ${setting.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| Variable | Default | Services | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** .env.example: required settings first (secrets left empty on purpose), then every optional one, commented. */
export function renderEnvExample(settings: readonly Setting[]): string {
  const wrap = (text: string) =>
    text
      .split(' ')
      .reduce<string[]>((lines, word) => {
        const last = lines.at(-1);
        if (last !== undefined && `${last} ${word}`.length <= 118) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
        return lines;
      }, [])
      .map((line) => `# ${line}`);
  const scope = (setting: Setting) => (setting.services.length ? ` (${setting.services.join(', ')})` : '');
  const required = settings.filter((setting) => setting.required);
  const optional = settings.filter((setting) => !setting.required);
  return [
    '# Example environment of a Candor service, generated from the configuration classes (npm run docs:config).',
    '# Every service reads the same names; a bad or missing value stops it with a message naming the variable.',
    '# Secrets belong in a secret store: their values are left empty here, so a copy does not start until they',
    '# are set; the URLs are those of scripts/infra.sh, whose passwords are for one machine only. Copy it to .env',
    '# (ignored by git and Docker) for local use. docs/configuration.md explains each one.',
    '',
    '# Required',
    ...required.flatMap((setting) => [
      ...wrap(`${setting.description}${scope(setting)}`),
      `${setting.name}=${setting.example ?? ''}`,
    ]),
    '',
    '# Optional (defaults shown)',
    ...optional.flatMap((setting) => [
      ...wrap(`${setting.description}${scope(setting)}`),
      `# ${setting.name}=${setting.example ?? setting.defaultValue ?? setting.overrides.map(({ value }) => value)[0] ?? ''}`,
    ]),
    '',
  ].join('\n');
}

const TABLE_START = '<!-- configuration table: generated by npm run docs:config -->';
const TABLE_END = '<!-- end of the generated table -->';

/** The document with its generated table replaced by `table`. */
export function withTable(document: string, table: string): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/configuration.md has lost the markers of its generated table');
  return `${document.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${document.slice(end)}`;
}

/** The generated table as it stands in the document, for the staleness test. */
export function tableIn(document: string): string {
  return document.slice(document.indexOf(TABLE_START) + TABLE_START.length, document.indexOf(TABLE_END)).trim();
}
