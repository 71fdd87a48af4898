/**
 * Tiny declarative shape checks shared by the entry and bundle validators. Hand-written rather than Ajv so the
 * offline verifier stays dependency-free; messages name the rule, never the value (it may be personal).
 */
export interface Violation {
  path: string;
  message: string;
}

export type Check = (value: unknown, path: string, out: Violation[]) => void;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const SLUG = /^[a-z][a-z0-9_-]{0,62}$/;
export const SHA256_HEX = /^[0-9a-f]{64}$/;
const RFC3339_UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901 JSON pointer of a child. */
export function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Exactly these keys, each checked; unknown and missing keys are violations. */
export function object(fields: Record<string, Check>): Check {
  return (value, path, out) => {
    if (!isPlainObject(value)) {
      out.push({ path, message: 'must be an object' });
      return;
    }
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(fields, key)) out.push({ path: pointer(path, key), message: 'is not an allowed property' });
    }
    for (const [key, check] of Object.entries(fields)) {
      if (!Object.hasOwn(value, key)) out.push({ path: pointer(path, key), message: 'is required' });
      else check(value[key], pointer(path, key), out);
    }
  };
}

export function arrayOf(item: Check): Check {
  return (value, path, out) => {
    if (!Array.isArray(value)) out.push({ path, message: 'must be an array' });
    else value.forEach((element, index) => item(element, pointer(path, index), out));
  };
}

export function nullable(check: Check): Check {
  return (value, path, out) => {
    if (value !== null) check(value, path, out);
  };
}

/** An object whose `key` names which check applies (e.g. `kind`); an unknown name is a violation at that key. */
export function variant(key: string, checks: Record<string, Check>): Check {
  return (value, path, out) => {
    if (!isPlainObject(value)) {
      out.push({ path, message: 'must be an object' });
      return;
    }
    const name = value[key];
    if (typeof name === 'string' && Object.hasOwn(checks, name)) checks[name](value, path, out);
    else out.push({ path: pointer(path, key), message: `must be one of ${Object.keys(checks).join(', ')}` });
  };
}

export function literal(expected: string | number): Check {
  return (value, path, out) => {
    if (value !== expected) out.push({ path, message: `must be ${JSON.stringify(expected)}` });
  };
}

export function oneOf(allowed: readonly string[]): Check {
  return (value, path, out) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      out.push({ path, message: `must be one of ${allowed.join(', ')}` });
    }
  };
}

export function matching(pattern: RegExp, description: string): Check {
  return (value, path, out) => {
    if (typeof value !== 'string') out.push({ path, message: 'must be a string' });
    else if (!pattern.test(value)) out.push({ path, message: `must be ${description}` });
  };
}

export function integer(min: number): Check {
  return (value, path, out) => {
    if (!Number.isSafeInteger(value) || (value as number) < min) {
      out.push({ path, message: `must be a safe integer >= ${min}` });
    }
  };
}

export function isRfc3339UtcMillis(value: string): boolean {
  // The round trip also rejects impossible dates such as 2026-02-30.
  return RFC3339_UTC_MILLIS.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

export const rfc3339UtcMillis: Check = (value, path, out) => {
  if (typeof value !== 'string') out.push({ path, message: 'must be a string' });
  else if (!isRfc3339UtcMillis(value)) {
    out.push({ path, message: 'must be an RFC 3339 UTC timestamp with milliseconds (YYYY-MM-DDTHH:mm:ss.sssZ)' });
  }
};
