import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { LineCounter, parseDocument, visit } from 'yaml';
import { checkGraph } from './graph-checks';
import { jsonErrorOffset, lineAndColumn } from './json-syntax';
import { PLAYBOOK_LIMITS as L } from './playbook.limits';
import { PLAYBOOK_JSON_SCHEMA } from './playbook.schema';
import type { ParseResult, Playbook, PlaybookError } from './playbook.types';
import { checkReferences } from './reference-checks';
import { translateSchemaErrors } from './schema-errors';

// verbose: the error translator reads the failing schema (to name the keys a oneOf chooses between).
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true, allowUnionTypes: true });
addFormats(ajv, ['uri']);
const matchesSchema = ajv.compile<Playbook>(PLAYBOOK_JSON_SCHEMA);

type Parsed = { ok: true; value: unknown } | { ok: false; errors: PlaybookError[] };

function documentError(code: string, message: string): PlaybookError {
  return { path: '', nodeId: null, code, message };
}

function failure(errors: PlaybookError[]): ParseResult {
  if (errors.length <= L.errors) return { ok: false, errors };
  const more = documentError('too_many_errors', `${errors.length - L.errors} more errors were not listed`);
  return { ok: false, errors: [...errors.slice(0, L.errors), more] };
}

function parseJson(source: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    const offset = jsonErrorOffset(source);
    if (offset < 0) return { ok: false, errors: [documentError('syntax_error', 'JSON could not be parsed')] };
    const { line, column } = lineAndColumn(source, offset);
    const found = offset < source.length ? `unexpected ${JSON.stringify(source[offset])}` : 'unexpected end of input';
    return {
      ok: false,
      errors: [documentError('syntax_error', `JSON syntax error at line ${line}, column ${column}: ${found}`)],
    };
  }
}

function parseYaml(source: string): Parsed {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntaxErrors = document.errors.map((error) => {
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const position = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    return documentError('syntax_error', `YAML syntax error${position}: ${reason}`);
  });
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors };
  // Aliases can expand a small document exponentially ("billion laughs"); playbooks have no use for them.
  const aliases: PlaybookError[] = [];
  visit(document, {
    Alias(_key, alias) {
      const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
      aliases.push(
        documentError('yaml_alias', `YAML aliases (*${alias.source}) are not allowed, at line ${line}, column ${col}`),
      );
    },
  });
  if (aliases.length > 0) return { ok: false, errors: aliases };
  return { ok: true, value: document.toJS({ maxAliasCount: 0 }) };
}

/** Bounds depth and size before anything recursive (the schema validator, JSON.stringify) touches the value. */
function checkBounds(document: unknown): PlaybookError | null {
  const pending: { value: unknown; depth: number }[] = [{ value: document, depth: 1 }];
  let values = 1;
  while (pending.length > 0) {
    const { value, depth } = pending.pop() as { value: unknown; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth > L.depth) return documentError('too_deep', `must not nest deeper than ${L.depth} levels`);
    const children = Object.values(value);
    values += children.length;
    if (values > L.values) return documentError('too_large', `must not hold more than ${L.values} values`);
    for (const child of children) pending.push({ value: child, depth: depth + 1 });
  }
  return null;
}

/** Same as parsePlaybook, for an already-parsed object (a JSON request body). Never throws. */
export function validatePlaybook(document: unknown): ParseResult {
  try {
    const bounds = checkBounds(document);
    if (bounds) return failure([bounds]);
    // A JSON round trip gives the size to check and a private, plain copy (no getters, dates or shared references).
    const json = JSON.stringify(document);
    if (json === undefined) return failure([documentError('invalid_type', 'must be an object')]);
    if (Buffer.byteLength(json, 'utf8') > L.sourceBytes) {
      return failure([documentError('too_large', `must not be larger than ${L.sourceBytes / 1024} KiB`)]);
    }
    const playbook: unknown = JSON.parse(json);
    if (!matchesSchema(playbook)) return failure(translateSchemaErrors(matchesSchema.errors ?? []));
    const errors = [...checkReferences(playbook), ...checkGraph(playbook)];
    return errors.length > 0 ? failure(errors) : { ok: true, playbook };
  } catch {
    return failure([documentError('invalid_document', 'is not a plain JSON document')]);
  }
}

/** Parses JSON or YAML source, then checks it against the schema and the graph rules. Never throws. */
export function parsePlaybook(source: string, format: 'json' | 'yaml'): ParseResult {
  if (typeof source !== 'string') return failure([documentError('invalid_type', 'source must be a string')]);
  if (source.length > L.sourceBytes || Buffer.byteLength(source, 'utf8') > L.sourceBytes) {
    return failure([documentError('too_large', `must not be larger than ${L.sourceBytes / 1024} KiB`)]);
  }
  try {
    const parsed = format === 'json' ? parseJson(source) : parseYaml(source);
    return parsed.ok ? validatePlaybook(parsed.value) : failure(parsed.errors);
  } catch {
    // The YAML parser recurses; absurd nesting can exhaust the stack.
    return failure([documentError('syntax_error', `${format.toUpperCase()} could not be parsed (nesting too deep?)`)]);
  }
}
