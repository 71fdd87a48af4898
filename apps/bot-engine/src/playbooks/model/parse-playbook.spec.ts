import { fixtureSource } from './fixtures/test-playbooks';
import { parsePlaybook, validatePlaybook } from './parse-playbook';
import type { ParseResult } from './playbook.types';

function errorCodes(result: ParseResult): string[] {
  return result.ok ? [] : result.errors.map((error) => error.code);
}

/** Deterministic pseudo-random numbers, so a failing garbage input can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('parsePlaybook', () => {
  it('accepts the lead-capture playbook in YAML and in JSON, as the same document', () => {
    const yaml = parsePlaybook(fixtureSource('yaml'), 'yaml');
    const json = parsePlaybook(fixtureSource('json'), 'json');
    expect(yaml).toEqual({ ok: true, playbook: expect.objectContaining({ name: 'Lead capture', start: 'welcome' }) });
    expect(json).toEqual(yaml);
    expect(yaml.ok && Object.keys(yaml.playbook.nodes)).toHaveLength(11);
  });

  it('reports JSON syntax errors with line and column', () => {
    expect(parsePlaybook('{\n  "name": "x",\n}', 'json')).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          nodeId: null,
          code: 'syntax_error',
          message: 'JSON syntax error at line 3, column 1: unexpected "}"',
        },
      ],
    });
    expect(parsePlaybook('{"name": tru}', 'json')).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: 'JSON syntax error at line 1, column 10: unexpected "t"' })],
    });
    expect(parsePlaybook('{"name": "x"', 'json')).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: 'JSON syntax error at line 1, column 13: unexpected end of input' })],
    });
  });

  it('reports YAML syntax errors with line and column, including duplicate keys', () => {
    const result = parsePlaybook('name: a\nname: b\nnodes: [\n', 'yaml');
    expect(errorCodes(result)).toEqual(['syntax_error', 'syntax_error']);
    expect(!result.ok && result.errors[0].message).toBe(
      'YAML syntax error at line 2, column 1: Map keys must be unique',
    );
    expect(!result.ok && result.errors[1].message).toMatch(/^YAML syntax error at line 4, column 1: /);
  });

  it('rejects YAML aliases, so a billion-laughs document cannot expand', () => {
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((name, index) => {
        const previous = 'abcdefgh'[index];
        return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
      }),
    ].join('\n');
    const result = parsePlaybook(laughs, 'yaml');
    expect(result.ok).toBe(false);
    expect(new Set(errorCodes(result))).toEqual(new Set(['yaml_alias']));
    expect(!result.ok && result.errors[0].message).toBe('YAML aliases (*a) are not allowed, at line 2, column 8');
  });

  it('rejects sources over 256 KiB, counted in UTF-8 bytes', () => {
    expect(errorCodes(parsePlaybook(' '.repeat(256 * 1024 + 1), 'json'))).toEqual(['too_large']);
    expect(errorCodes(parsePlaybook(`"${'é'.repeat(130 * 1024)}"`, 'yaml'))).toEqual(['too_large']);
  });

  it('rejects deep nesting before validating', () => {
    const deepJson = '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000);
    expect(errorCodes(parsePlaybook(deepJson, 'json'))).toEqual(['too_deep']);
    expect(errorCodes(parsePlaybook('['.repeat(100_000) + ']'.repeat(100_000), 'json'))).toEqual(['too_deep']);
    expect(errorCodes(parsePlaybook('x:\n' + '- '.repeat(50) + '1', 'yaml'))).toEqual(['too_deep']);
  });

  it('never throws on garbage, and never accepts it', () => {
    const next = random(42);
    const alphabet = '{}[]:,-"\'&*!|>#%@`\n\t abcxyz0123456789é\u0000\ud800';
    for (let sample = 0; sample < 300; sample++) {
      const length = Math.floor(next() * 400);
      const source = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      for (const format of ['json', 'yaml'] as const) {
        const result = parsePlaybook(source, format);
        expect(result.ok).toBe(false);
        expect(result.ok || result.errors.length > 0).toBe(true);
      }
    }
  });

  it('turns absurdly nested YAML that exhausts the parser into an error instead of throwing', () => {
    const result = parsePlaybook('['.repeat(60_000) + ']'.repeat(60_000), 'yaml');
    expect(errorCodes(result)).toContain('syntax_error');
  });

  it('caps the number of reported errors', () => {
    const nodes = Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`n${index}`, { kind: 'end', x: 1 }]));
    const result = validatePlaybook({ schemaVersion: 1, name: 'x', defaultLanguage: 'en', start: 'n0', nodes });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(101);
    expect(!result.ok && result.errors[100]).toEqual(
      expect.objectContaining({ code: 'too_many_errors', message: '50 more errors were not listed' }),
    );
  });
});

describe('validatePlaybook', () => {
  it('never throws on values that are not JSON documents', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    for (const value of [undefined, null, 42, 'text', [], {}, cyclic, hostile, deep, BigInt(1), () => 1]) {
      const result = validatePlaybook(value);
      expect(result.ok).toBe(false);
      expect(result.ok || result.errors.length > 0).toBe(true);
    }
  });

  it('returns a private copy, so later changes to the request body do not alter the playbook', () => {
    const body = JSON.parse(fixtureSource('json'));
    const result = validatePlaybook(body);
    body.nodes.welcome.next = 'nowhere';
    expect(result.ok && result.playbook.nodes.welcome).toEqual(expect.objectContaining({ next: 'ask_topic' }));
  });
});
