import { MAX_JSON_DEPTH, inspectBody } from './json-body.middleware';

function nestedArrays(depth: number): unknown {
  return JSON.parse('['.repeat(depth) + ']'.repeat(depth));
}

describe('inspectBody', () => {
  it('accepts ordinary bodies', () => {
    expect(inspectBody({ text: 'hello', tags: ['a', { b: [1, 2, null] }], n: 3 })).toBeNull();
    expect(inspectBody(nestedArrays(MAX_JSON_DEPTH))).toBeNull();
  });

  it('refuses a body one level deeper than the limit', () => {
    expect(inspectBody(nestedArrays(MAX_JSON_DEPTH + 1))).toBe('too_deep');
  });

  it('refuses a hostile 200,000-level body without overflowing the stack', () => {
    // ~400 KB of brackets: a recursive walk throws RangeError long before the end.
    expect(inspectBody(nestedArrays(200_000))).toBe('too_deep');
    expect(inspectBody(JSON.parse('{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)))).toBe('too_deep');
  });

  it('refuses NUL characters in values and keys, however deep', () => {
    expect(inspectBody({ a: [{ b: 'x\u0000y' }] })).toBe('invalid_characters');
    expect(inspectBody({ ['k\u0000']: 1 })).toBe('invalid_characters');
  });

  it('refuses __proto__ keys, which a later copy could turn into a prototype change', () => {
    expect(inspectBody(JSON.parse('{"persona":{"__proto__":{"admin":true}}}'))).toBe('forbidden_key');
    expect(inspectBody({ constructor: 'fine as data' })).toBeNull();
  });
});
