import { canonicalize } from './jcs';

describe('canonicalize (RFC 8785)', () => {
  it('reproduces the RFC 8785 §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    );
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, as in the RFC 8785 §3.2.3 example', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // The emoji (surrogates D83D DE00) sorts before U+FB33 although its code point is higher; and "1" is not
    // hoisted the way JavaScript orders integer-like property names.
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalize({ b: [3, { z: 1, a: 2 }], a: { y: null, x: true } })).toBe(
      '{"a":{"x":true,"y":null},"b":[3,{"a":2,"z":1}]}',
    );
  });

  it('does not depend on key insertion order', () => {
    const a = { tenantId: 't', evidence: { reference: null, conversationId: 'c' }, leafIndex: 3 };
    const b = { leafIndex: 3, evidence: { conversationId: 'c', reference: null }, tenantId: 't' };
    expect(canonicalize(a)).toBe(canonicalize(b));
  });

  // RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('serialises the double %s as %s', (bits, expected) => {
    expect(canonicalize(Buffer.from(bits, 'hex').readDoubleBE(0))).toBe(expected);
  });

  it('uses exponents from 1e21 and below 1e-6 only', () => {
    expect(canonicalize([1e21, 1e20, 1e-7, 1e-6, -0, 4.5, 100])).toBe(
      '[1e+21,100000000000000000000,1e-7,0.000001,0,4.5,100]',
    );
  });

  it('rejects NaN and Infinity', () => {
    expect(() => canonicalize(NaN)).toThrow(RangeError);
    expect(() => canonicalize([Infinity])).toThrow(RangeError);
    expect(() => canonicalize({ a: -Infinity })).toThrow(RangeError);
  });

  it('escapes only quote, backslash and control characters, with short forms where JSON has them', () => {
    const all = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('');
    expect(canonicalize(all)).toBe(
      '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f' +
        '\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"',
    );
    expect(canonicalize('"\\/')).toBe('"\\"\\\\/"');
    // U+007F, U+2028, U+2029, non-ASCII and astral characters are written raw.
    expect(canonicalize('\u007f\u2028\u2029é€😀')).toBe('"\u007f\u2028\u2029é€😀"');
  });

  it('agrees with JSON.stringify on strings (ES2019 well-formed stringify is the RFC reference)', () => {
    const samples = ['plain', 'tab\there', 'ünïcödé', '\u2028', 'a"b\\c', '\u001f\u0000', '😀 \ud83d\ude00'];
    for (const sample of samples) expect(canonicalize(sample)).toBe(JSON.stringify(sample));
  });

  it('rejects lone surrogates, which I-JSON forbids', () => {
    expect(() => canonicalize('\ud800')).toThrow(/lone surrogate/);
    expect(() => canonicalize('x\udc00y')).toThrow(/lone surrogate/);
    expect(() => canonicalize({ '\ud83d': 1 })).toThrow(/lone surrogate/);
  });

  it('rejects what is not JSON data', () => {
    expect(() => canonicalize(undefined)).toThrow(TypeError);
    expect(() => canonicalize({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalize([() => 1])).toThrow(TypeError);
    expect(() => canonicalize(10n)).toThrow(TypeError);
    expect(() => canonicalize(new Date(0))).toThrow(TypeError);
    expect(() => canonicalize(Buffer.from('x'))).toThrow(TypeError);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalize([1, , 2])).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow(/cyclic/);
  });

  it('accepts shared (non-cyclic) references and null-prototype objects', () => {
    const shared = { x: 1 };
    expect(canonicalize([shared, shared])).toBe('[{"x":1},{"x":1}]');
    expect(canonicalize(Object.assign(Object.create(null), { b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });
});
