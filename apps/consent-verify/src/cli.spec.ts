import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROOF_BUNDLE_FORMAT, ProofBundle, verifyBundle } from '@candor/consent-evidence';
import { CliIo, run, USAGE } from './cli';

// A bundle exported once from a real log (11 entries, entries 0, 2, 4, 7, 10 proven, consistency from the head at
// size 6) and its tenant key; the private key was discarded. Kept fixed on purpose: bundles auditors already hold
// must keep verifying, so a change to the signing input, JCS or tree hashing has to fail here.
const BUNDLE = readFileSync(join(__dirname, 'fixtures', 'bundle.json'), 'utf8');
const KEY = readFileSync(join(__dirname, 'fixtures', 'tenant-key.pem'), 'utf8');
const OTHER_KEY = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

function memoryIo(files: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    readFile: async (path) => {
      if (!Object.hasOwn(files, path)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT', path });
      return files[path];
    },
    stdout: (text) => (out.stdout += text),
    stderr: (text) => (out.stderr += text),
  };
  return { io, out };
}

async function cli(argv: string[], files: Record<string, string> = { 'bundle.json': BUNDLE, 'key.pem': KEY }) {
  const { io, out } = memoryIo(files);
  const code = await run(argv, io);
  return { code, ...out };
}

const ARGS = ['--bundle', 'bundle.json', '--public-key', 'key.pem'];

function tampered(change: (bundle: ProofBundle) => void): string {
  const bundle = JSON.parse(BUNDLE);
  change(bundle);
  return JSON.stringify(bundle);
}

describe('consent-verify run()', () => {
  it('exits 0 on the genuine bundle and reports the head, every entry and the consistency proof', async () => {
    const { code, stdout, stderr } = await cli(ARGS);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Consent proof bundle of tenant 3a7c9e21-5b4d-4f60-9a8b-c1d2e3f4a5b6');
    expect(stdout).toMatch(/Tree head: 11 entries, root [0-9a-f]{64}, signed for 2026-11-02T19:30:00.000Z\n {2}OK/);
    expect(stdout).toMatch(
      /#0 +5e0d1c2b-3a49-4887-9a6b-5c4d3e2f1a00 +marketing_email +granted +2026-11-02T08:30:00.000Z +OK\n/,
    );
    expect(stdout).toMatch(/#2 +\S+ +meeting_followup +withdrawn +2026-11-02T10:30:00.014Z +OK\n/);
    expect(stdout).toMatch(/#4 +\S+ +analytics +expired +\S+ +OK\n/);
    expect(stdout).toMatch(/#10 +\S+ +analytics +granted +\S+ +OK\n/);
    expect(stdout).toContain('size 6 (signed for 2026-11-02T14:30:00.000Z) -> 11  OK');
    expect(stdout).toContain('Scope: not stated (an older bundle format); nothing is claimed about entries left out');
    expect(stdout).toContain('VERIFIED: the signed head and all 5 entries check out with the trusted key.');
  });

  it('prints the verification report as JSON with --json', async () => {
    const { code, stdout } = await cli([...ARGS, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toEqual(verifyBundle(JSON.parse(BUNDLE), KEY));
    expect(report.ok).toBe(true);
    expect(report.entries.map((e: { leafIndex: number }) => e.leafIndex)).toEqual([0, 2, 4, 7, 10]);
  });

  it('exits 1 and names the failing entry when an entry was altered', async () => {
    const bundle = tampered((b) => (b.entries[1].entry.action = 'granted'));
    const { code, stdout } = await cli(ARGS, { 'bundle.json': bundle, 'key.pem': KEY });
    expect(code).toBe(1);
    expect(stdout).toMatch(/#2 +\S+ +meeting_followup +granted +\S+ +FAILED: not included in the signed tree/);
    expect(stdout.match(/ OK\n/g)).toHaveLength(6);
    expect(stdout).toContain('FAILED: this bundle does not prove what it claims');
  });

  it('exits 1 and names the entries missing from a range the bundle claims to hold whole', async () => {
    // The scope is not signed: stating it on the fixture needs no key. Entries 0, 2, 4, 7 and 10 are in it.
    const whole = tampered((b) => {
      b.format = PROOF_BUNDLE_FORMAT;
      b.scope = { kind: 'range', fromIndex: 0, toIndex: 11 };
    });
    const { code, stdout } = await cli(ARGS, { 'bundle.json': whole, 'key.pem': KEY });
    expect(code).toBe(1);
    expect(stdout).toContain(
      'Scope: every entry from #0 to #10 (the whole log up to the tree head)\n' +
        '  FAILED: claims entries 0-10; missing: 1, 3, 5-6, 8-9\n',
    );
    const tail = tampered((b) => {
      b.format = PROOF_BUNDLE_FORMAT;
      b.scope = { kind: 'range', fromIndex: 10, toIndex: 11 };
      b.entries = b.entries.slice(-1);
    });
    const complete = await cli(ARGS, { 'bundle.json': tail, 'key.pem': KEY });
    expect(complete.code).toBe(0);
    expect(complete.stdout).toContain('Scope: every entry from #10 to #10\n  OK\n');
  });

  it('says a filtered bundle claims nothing about the entries it leaves out', async () => {
    const filtered = tampered((b) => {
      b.format = PROOF_BUNDLE_FORMAT;
      b.scope = {
        kind: 'filtered',
        filter: { purpose: 'analytics', action: null, recordedFrom: null, recordedBefore: null, afterLeafIndex: 3 },
      };
    });
    const { code, stdout } = await cli(ARGS, { 'bundle.json': filtered, 'key.pem': KEY });
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Scope: entries matching a search (purpose analytics, after entry #3); nothing is claimed about entries left out',
    );
  });

  it('exits 1 with --json too, and the JSON says why', async () => {
    const bundle = tampered((b) => (b.treeHead.timestamp += 1));
    const { code, stdout } = await cli([...ARGS, '--json'], { 'bundle.json': bundle, 'key.pem': KEY });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, treeHead: { ok: false, reason: expect.any(String) } });
  });

  it('exits 1 with the wrong trusted key and notes the key mismatch', async () => {
    const { code, stdout } = await cli(ARGS, { 'bundle.json': BUNDLE, 'key.pem': OTHER_KEY });
    expect(code).toBe(1);
    expect(stdout).toContain('FAILED: signature does not verify with the trusted key');
    expect(stdout).toContain('the bundle publicKey differs from the trusted key');
  });

  it.each([
    ['an empty array', '[]'],
    ['a string', '"bundle"'],
    ['null', 'null'],
    ['an empty object', '{}'],
  ])('exits 1 on JSON that is not a bundle (%s)', async (_label, text) => {
    const { code, stdout } = await cli(ARGS, { 'bundle.json': text, 'key.pem': KEY });
    expect(code).toBe(1);
    expect(stdout).toContain('FAILED');
  });

  it('escapes control characters from the bundle instead of writing them to the terminal', async () => {
    const bundle = tampered((b) => (b.entries[0].entry.purpose = 'x\u001b[2K\rOK \u202e'));
    const { code, stdout } = await cli(ARGS, { 'bundle.json': bundle, 'key.pem': KEY });
    expect(code).toBe(1);
    for (const raw of ['\u001b', '\r', '\u202e']) expect(stdout).not.toContain(raw);
    expect(stdout).toContain('x\\u{1b}[2K\\u{d}OK \\u{202e}');
  });

  describe('usage errors exit 2 with a message', () => {
    it.each<[string, string[], RegExp]>([
      ['no arguments', [], /both --bundle and --public-key are required/],
      ['no --public-key', ['--bundle', 'bundle.json'], /both --bundle and --public-key are required/],
      ['no --bundle', ['--public-key', 'key.pem'], /both --bundle and --public-key are required/],
      [
        'an option without its value',
        ['--bundle', '--public-key', 'key.pem'],
        /Option '--bundle' argument is ambiguous/,
      ],
      ['an unknown option', [...ARGS, '--fast'], /Unknown option '--fast'/],
      ['a stray argument', [...ARGS, 'extra'], /Unexpected argument 'extra'/],
      [
        'a missing bundle file',
        ['--bundle', 'nope.json', '--public-key', 'key.pem'],
        /cannot read nope\.json \(ENOENT\)/,
      ],
      [
        'a missing key file',
        ['--bundle', 'bundle.json', '--public-key', 'nope.pem'],
        /cannot read nope\.pem \(ENOENT\)/,
      ],
    ])('%s', async (_label, argv, message) => {
      const { code, stdout, stderr } = await cli(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr).toContain(USAGE);
    });

    it('a bundle that is not JSON, without echoing its content', async () => {
      const { code, stderr } = await cli(ARGS, { 'bundle.json': '{"secret": oops', 'key.pem': KEY });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^consent-verify: bundle\.json is not valid JSON\n/);
      expect(stderr).not.toContain('secret');
    });

    it.each([
      ['garbage', 'not a key'],
      ['a private key', generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
      [
        'an EC key',
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      ],
    ])('a key file holding %s', async (_label, pem) => {
      const { code, stderr } = await cli(ARGS, { 'bundle.json': BUNDLE, 'key.pem': pem });
      expect(code).toBe(2);
      expect(stderr).toMatch(/key\.pem is not an Ed25519 public key in SPKI PEM format/);
    });
  });

  it('prints the usage and exits 0 with --help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(USAGE);
  });
});
