import { PLAYBOOK_JSON_SCHEMA } from './playbook.schema';

/*
 * docs/playbook.schema.json is JSON.stringify(schema, null, 2), except that arrays of scalars stay on one line when
 * they fit in 120 columns, as Prettier (which checks the repository's JSON) would print them. Regenerate it with:
 */
export const REGENERATE_SCHEMA_COMMAND =
  "npx ts-node --transpile-only -e \"require('fs').writeFileSync('docs/playbook.schema.json', " +
  "require('./apps/bot-engine/src/playbooks/model').renderPlaybookSchema())\"";

const PRINT_WIDTH = 120;

/** `column`: where the value starts on its line; `after`: characters that follow it there (a comma). */
function render(value: unknown, indent: string, column: number, after: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object')) {
      const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (column + inline.length + after <= PRINT_WIDTH) return inline;
    }
    const items = value.map(
      (item, index) => inner + render(item, inner, inner.length, index < value.length - 1 ? 1 : 0),
    );
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item], index) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return head + render(item, inner, head.length, index < entries.length - 1 ? 1 : 0);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The text of docs/playbook.schema.json. */
export function renderPlaybookSchema(): string {
  return `${render(PLAYBOOK_JSON_SCHEMA, '', 0, 0)}\n`;
}
