/*
 * JSON.parse does not always say where it failed (e.g. "Unexpected token"), so on failure this scanner finds the
 * offset of the first error. It is iterative, so deep nesting cannot overflow the stack.
 */
const WHITESPACE = /[ \t\n\r]*/y;
// eslint-disable-next-line no-control-regex -- JSON strings must not contain raw control characters.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;

type Expectation = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

/** Offset of the first syntax error in `source`, or -1 if it is valid JSON. */
export function jsonErrorOffset(source: string): number {
  const open: string[] = [];
  let offset = 0;
  let expect: Expectation = 'value';
  const consume = (pattern: RegExp): boolean => {
    pattern.lastIndex = offset;
    if (!pattern.test(source)) return false;
    offset = pattern.lastIndex;
    return true;
  };
  const afterValue = (): Expectation => (open.length > 0 ? 'commaOrClose' : 'end');
  for (;;) {
    consume(WHITESPACE);
    const char = source[offset];
    if (expect === 'end') return offset < source.length ? offset : -1;
    if (char === undefined) return offset;
    if ((expect === 'keyOrClose' && char === '}') || (expect === 'valueOrClose' && char === ']')) {
      open.pop();
      offset++;
      expect = afterValue();
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (!consume(STRING)) return offset;
      expect = 'colon';
    } else if (expect === 'colon') {
      if (char !== ':') return offset;
      offset++;
      expect = 'value';
    } else if (expect === 'commaOrClose') {
      const object = open[open.length - 1] === '{';
      if (char === ',') {
        offset++;
        expect = object ? 'key' : 'value';
      } else if (char === (object ? '}' : ']')) {
        open.pop();
        offset++;
        expect = afterValue();
      } else {
        return offset;
      }
    } else if (char === '{' || char === '[') {
      open.push(char);
      offset++;
      expect = char === '{' ? 'keyOrClose' : 'valueOrClose';
    } else if (consume(STRING) || consume(NUMBER) || consume(LITERAL)) {
      expect = afterValue();
    } else {
      return offset;
    }
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
