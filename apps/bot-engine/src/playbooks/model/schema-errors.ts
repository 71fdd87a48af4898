import type { ErrorObject } from 'ajv';
import { escapePointerToken, nodeIdOf } from './json-pointer';
import { CLOCK_PATTERN, HTTPS_PATTERN, SLUG_PATTERN } from './playbook.schema';
import type { PlaybookError } from './playbook.types';

const PATTERN_ERRORS: Record<string, { code: string; message: string }> = {
  [SLUG_PATTERN]: {
    code: 'invalid_id',
    message: 'must be an id: a lowercase letter, then up to 62 lowercase letters, digits, "_" or "-"',
  },
  [CLOCK_PATTERN]: { code: 'invalid_hours', message: 'must be a time of day "HH:MM" between 00:00 and 24:00' },
  [HTTPS_PATTERN]: { code: 'invalid_url', message: 'must be an https URL' },
};

/** Values are never echoed; property names are, shortened (they come from the document). */
function quote(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

function describe(error: ErrorObject): { path: string; code: string; message: string } {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      return { path: `${path}/${escapePointerToken(property)}`, code: 'missing_property', message: 'is required' };
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      return {
        path: `${path}/${escapePointerToken(property)}`,
        code: 'unknown_property',
        message: `unknown property ${quote(property)}`,
      };
    }
    case 'propertyNames': {
      const property = String(params.propertyName);
      return {
        path: `${path}/${escapePointerToken(property)}`,
        code: 'invalid_id',
        message: PATTERN_ERRORS[SLUG_PATTERN].message,
      };
    }
    case 'pattern':
      return {
        path,
        ...(PATTERN_ERRORS[String(params.pattern)] ?? { code: 'invalid_format', message: error.message }),
      };
    case 'format':
      return { path, code: 'invalid_url', message: 'must be a valid URL' };
    case 'type':
      return { path, code: 'invalid_type', message: `must be ${String(params.type).replace(',', ' or ')}` };
    case 'enum':
      return {
        path,
        code: 'invalid_value',
        message: `must be one of: ${(params.allowedValues as string[]).join(', ')}`,
      };
    case 'const':
      return { path, code: 'invalid_value', message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'oneOf': {
      // Our oneOf lists only pick exactly one discriminating key; say which.
      const keys = (error.schema as { required?: string[] }[]).flatMap((branch) => branch.required ?? []);
      return { path, code: 'exactly_one_of', message: `must have exactly one of: ${keys.join(', ')}` };
    }
    case 'maxLength':
      return { path, code: 'too_long', message: `must be at most ${params.limit} characters` };
    case 'minLength':
      return { path, code: 'too_short', message: 'must not be empty' };
    case 'maxItems':
    case 'maxProperties':
      return { path, code: 'too_many', message: `must have at most ${params.limit} entries` };
    case 'minItems':
    case 'minProperties':
      return { path, code: 'too_few', message: `must have at least ${params.limit} entries` };
    case 'minimum':
    case 'maximum':
      return { path, code: 'out_of_range', message: `must be ${error.message?.replace(/^must be /, '')}` };
    default:
      return { path, code: 'invalid', message: error.message ?? 'is invalid' };
  }
}

/** Turns ajv's errors into one readable error per problem, with the pointer of the offending property. */
export function translateSchemaErrors(errors: ErrorObject[]): PlaybookError[] {
  const seen = new Set<string>();
  const result: PlaybookError[] = [];
  for (const error of errors) {
    // `if` only reports that its `then` failed (the real errors follow); the branches of a oneOf and the checks
    // inside propertyNames are summarised by the oneOf/propertyNames error itself.
    if (error.keyword === 'if' || error.schemaPath.includes('/oneOf/')) continue;
    if (error.propertyName !== undefined && error.keyword !== 'propertyNames') continue;
    const described = describe(error);
    const key = `${described.path}\u0000${described.code}\u0000${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ ...described, nodeId: nodeIdOf(described.path) });
  }
  return result;
}
