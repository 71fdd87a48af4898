/**
 * RFC 8785 JSON Canonicalization Scheme: one byte sequence per JSON value, so a hash of it is stable across
 * producers. Accepts only JSON data (I-JSON): throws on undefined, functions, non-finite numbers, BigInt,
 * non-plain objects, cycles and lone surrogates.
 */
export function canonicalize(value: unknown): string {
  return serialize(value, new Set());
}

function serialize(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return serializeString(value);
    case 'number':
      return serializeNumber(value);
    case 'object':
      return serializeContainer(value, ancestors);
    default:
      throw new TypeError(`JCS: a ${typeof value} is not JSON data`);
  }
}

// RFC 8785 §3.2.2.3 defines number output as ECMAScript Number::toString (shortest round-trip digits, exponent
// from 1e21 and below 1e-6), which is exactly what String(n) implements; it also maps -0 to "0".
function serializeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('JCS: NaN and Infinity are not JSON numbers');
  return String(value);
}

const SHORT_ESCAPES: Record<number, string> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

// RFC 8785 §3.2.2.2: escape only '"', '\' and U+0000..U+001F (short forms where JSON has them, else \u00xx in
// lowercase hex); everything else, U+007F and U+2028 included, is written as is.
function serializeString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) throw new RangeError('JCS: lone surrogate in string');
      out += value[i] + value[i + 1];
      i++;
    } else if (SHORT_ESCAPES[unit] !== undefined) {
      out += SHORT_ESCAPES[unit];
    } else if (unit < 0x20) {
      out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else {
      out += value[i];
    }
  }
  return `${out}"`;
}

function serializeContainer(value: object, ancestors: Set<object>): string {
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) {
    throw new TypeError('JCS: only plain objects and arrays are JSON data');
  }
  if (ancestors.has(value)) throw new TypeError('JCS: cyclic structure');
  ancestors.add(value);
  let out: string;
  if (Array.isArray(value)) {
    // Array.from turns holes into undefined, which is then rejected rather than written as nothing.
    out = `[${Array.from(value, (element) => serialize(element, ancestors)).join(',')}]`;
  } else {
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, the order §3.2.3 requires (not code points).
    const keys = Object.keys(record).sort();
    out = `{${keys.map((key) => `${serializeString(key)}:${serialize(record[key], ancestors)}`).join(',')}}`;
  }
  ancestors.delete(value);
  return out;
}
