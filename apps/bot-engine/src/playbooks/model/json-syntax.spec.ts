import { jsonErrorOffset, lineAndColumn } from './json-syntax';

describe('jsonErrorOffset', () => {
  it('finds no error in valid JSON, whatever JSON.parse accepts', () => {
    for (const source of ['{}', ' [1, -2.5e3, "a\\n\\u00e9", true, false, null, {"a": [{}]}] ', '"x"', '0']) {
      expect(() => JSON.parse(source)).not.toThrow();
      expect(jsonErrorOffset(source)).toBe(-1);
    }
  });

  it.each([
    ['{"a": 1,}', 8],
    ["{'a': 1}", 1],
    ['[1 2]', 3],
    ['{"a" 1}', 5],
    ['"tab\tinside"', 0],
    ['[01]', 2],
    ['{} {}', 3],
    ['', 0],
  ])('points at the first error of %p', (source, offset) => {
    expect(() => JSON.parse(source)).toThrow();
    expect(jsonErrorOffset(source)).toBe(offset);
  });

  it('converts offsets to 1-based lines and columns', () => {
    expect(lineAndColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
