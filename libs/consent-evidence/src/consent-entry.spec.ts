import { createHash } from 'node:crypto';
import { leafHash } from '@candor/merkle';
import { canonicalEntryBytes, ConsentEntry, entryLeafHash, validateConsentEntry } from './consent-entry';

const TENANT = '6f1c2b7e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';

function validEntry(overrides: Partial<ConsentEntry> = {}): ConsentEntry {
  return {
    v: 1,
    tenantId: TENANT,
    leafIndex: 0,
    subjectId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    purpose: 'marketing_email',
    action: 'granted',
    legalBasis: 'consent',
    formId: 'newsletter-signup',
    formVersion: 3,
    formTextHash: createHash('sha256').update('May we email you?').digest('hex'),
    channel: 'chat',
    evidence: {
      conversationId: 'c0ffee00-1234-4abc-8def-0123456789ab',
      messageId: 'deadbeef-1234-4abc-8def-0123456789ab',
      reference: null,
    },
    jurisdiction: 'DE',
    actor: 'visitor',
    recordedAt: '2026-11-29T10:00:00.000Z',
    ...overrides,
  };
}

/** The entry with one property replaced (or removed, with `undefined`), bypassing the types as garbage would. */
function withField(path: string[], value: unknown): unknown {
  const entry = structuredClone(validEntry()) as unknown as Record<string, Record<string, unknown>>;
  const parent = path.length === 2 ? entry[path[0]] : (entry as unknown as Record<string, unknown>);
  const key = path[path.length - 1];
  if (value === undefined) delete parent[key];
  else parent[key] = value;
  return entry;
}

describe('validateConsentEntry', () => {
  it('accepts a complete entry and the nullable fields as null', () => {
    expect(validateConsentEntry(validEntry())).toEqual([]);
    const minimal = validEntry({
      formId: null,
      formVersion: null,
      formTextHash: null,
      evidence: { conversationId: null, messageId: null, reference: 'crm-import:2026/11#42 ünïcode ok' },
      jurisdiction: null,
      channel: 'import',
      actor: 'integrator',
      action: 'expired',
      legalBasis: 'legitimate_interests',
      leafIndex: Number.MAX_SAFE_INTEGER,
    });
    expect(validateConsentEntry(minimal)).toEqual([]);
  });

  it.each([null, undefined, 'entry', 42, true, [], [validEntry()]])(
    'rejects a non-object (%p) at the root',
    (value) => {
      expect(validateConsentEntry(value)).toEqual([{ path: '', message: 'must be an object' }]);
    },
  );

  it('reports every missing property by path', () => {
    expect(validateConsentEntry({}).map((v) => v.path)).toEqual(Object.keys(validEntry()).map((key) => `/${key}`));
    expect(validateConsentEntry({}).every((v) => v.message === 'is required')).toBe(true);
  });

  it('rejects unknown properties, top level and in evidence, escaping the pointer', () => {
    expect(validateConsentEntry({ ...validEntry(), email: 'x@example.com' })).toEqual([
      { path: '/email', message: 'is not an allowed property' },
    ]);
    expect(validateConsentEntry(withField(['evidence', 'a/b~c'], 'x'))).toEqual([
      { path: '/evidence/a~1b~0c', message: 'is not an allowed property' },
    ]);
  });

  it.each<[string, string[], unknown]>([
    ['v other than 1', ['v'], 2],
    ['v as a string', ['v'], '1'],
    ['tenantId not a uuid', ['tenantId'], 'tenant-1'],
    ['tenantId in upper case', ['tenantId'], TENANT.toUpperCase()],
    ['leafIndex negative', ['leafIndex'], -1],
    ['leafIndex fractional', ['leafIndex'], 1.5],
    ['leafIndex as a string', ['leafIndex'], '3'],
    ['leafIndex beyond 2^53', ['leafIndex'], 2 ** 53],
    ['leafIndex NaN', ['leafIndex'], NaN],
    ['subjectId not a uuid', ['subjectId'], 'jane@example.com'],
    ['subjectId null', ['subjectId'], null],
    ['purpose with capitals', ['purpose'], 'Marketing'],
    ['purpose starting with a digit', ['purpose'], '1st-party'],
    ['purpose too long', ['purpose'], `a${'b'.repeat(63)}`],
    ['purpose empty', ['purpose'], ''],
    ['action unknown', ['action'], 'revoked'],
    ['legalBasis unknown', ['legalBasis'], 'because'],
    ['formId not a slug', ['formId'], 'Newsletter Form'],
    ['formVersion zero', ['formVersion'], 0],
    ['formVersion fractional', ['formVersion'], 2.5],
    ['formTextHash upper-case hex', ['formTextHash'], 'A'.repeat(64)],
    ['formTextHash too short', ['formTextHash'], 'a'.repeat(63)],
    ['channel unknown', ['channel'], 'sms'],
    ['evidence null', ['evidence'], null],
    ['evidence as an array', ['evidence'], []],
    ['evidence.conversationId not a uuid', ['evidence', 'conversationId'], 'conv-1'],
    ['evidence.messageId a number', ['evidence', 'messageId'], 7],
    ['evidence.reference empty', ['evidence', 'reference'], ''],
    ['evidence.reference over 200 characters', ['evidence', 'reference'], 'r'.repeat(201)],
    ['evidence.reference with a newline', ['evidence', 'reference'], 'a\nb'],
    ['evidence.reference with an ANSI escape', ['evidence', 'reference'], '\u001b[2Jx'],
    ['evidence.reference with DEL', ['evidence', 'reference'], 'a\u007f'],
    ['evidence.reference with a bidi override', ['evidence', 'reference'], 'abc\u202edef'],
    ['evidence.reference with U+2028', ['evidence', 'reference'], 'a\u2028b'],
    ['evidence.reference with a lone surrogate', ['evidence', 'reference'], 'a\ud800'],
    ['jurisdiction lower case', ['jurisdiction'], 'de'],
    ['jurisdiction three letters', ['jurisdiction'], 'DEU'],
    ['actor unknown', ['actor'], 'bot'],
    ['recordedAt without milliseconds', ['recordedAt'], '2026-11-29T10:00:00Z'],
    ['recordedAt with an offset', ['recordedAt'], '2026-11-29T11:00:00.000+01:00'],
    ['recordedAt an impossible date', ['recordedAt'], '2026-02-30T10:00:00.000Z'],
    ['recordedAt hour 24', ['recordedAt'], '2026-11-29T24:00:00.000Z'],
    ['recordedAt as epoch millis', ['recordedAt'], 1_795_000_000_000],
  ])('rejects %s, naming only the path', (_label, path, value) => {
    const violations = validateConsentEntry(withField(path, value));
    expect(violations).toHaveLength(1);
    expect(violations[0].path).toBe(`/${path.join('/')}`);
    // Never echo the value: it may be personal data.
    if (typeof value === 'string' && value.length > 2) expect(violations[0].message).not.toContain(value);
  });

  it('accepts a reference of exactly 200 characters, counted in code points', () => {
    expect(validateConsentEntry(withField(['evidence', 'reference'], '😀'.repeat(200)))).toEqual([]);
  });

  it('requires formId when a form version or text hash is given', () => {
    expect(validateConsentEntry(validEntry({ formId: null, formTextHash: null }))).toEqual([
      { path: '/formId', message: 'is required when formVersion or formTextHash is set' },
    ]);
    expect(validateConsentEntry(validEntry({ formId: null, formVersion: null }))).toHaveLength(1);
  });

  it('reports several violations at once', () => {
    const entry = { ...validEntry(), action: 'maybe', purpose: 'X', extra: 1 };
    expect(validateConsentEntry(entry).map((v) => v.path)).toEqual(['/extra', '/purpose', '/action']);
  });
});

describe('canonicalEntryBytes / entryLeafHash', () => {
  it('is the JCS of the entry: sorted keys, no whitespace, UTF-8', () => {
    const text = canonicalEntryBytes(
      validEntry({ evidence: { conversationId: null, messageId: null, reference: 'Zoë' } }),
    ).toString('utf8');
    expect(
      text.startsWith('{"action":"granted","actor":"visitor","channel":"chat","evidence":{"conversationId":null,'),
    ).toBe(true);
    expect(text).toContain('"reference":"Zoë"}');
    expect(text.endsWith('"tenantId":"6f1c2b7e-3d4a-4b5c-8d9e-0f1a2b3c4d5e","v":1}')).toBe(true);
    expect(JSON.parse(text)).toEqual(
      validEntry({ evidence: { conversationId: null, messageId: null, reference: 'Zoë' } }),
    );
  });

  it('does not depend on key insertion order', () => {
    const entry = validEntry();
    const reversed = Object.fromEntries(Object.entries(entry).reverse()) as unknown as ConsentEntry;
    reversed.evidence = {
      reference: null,
      messageId: entry.evidence.messageId,
      conversationId: entry.evidence.conversationId,
    };
    expect(canonicalEntryBytes(reversed).equals(canonicalEntryBytes(entry))).toBe(true);
  });

  it('changes with every field, so no field can be altered unnoticed', () => {
    const base = entryLeafHash(validEntry()).toString('hex');
    const variants: Partial<ConsentEntry>[] = [
      { leafIndex: 1 },
      { action: 'withdrawn' },
      { purpose: 'analytics' },
      { recordedAt: '2026-11-29T10:00:00.001Z' },
      { jurisdiction: 'FR' },
      { formVersion: 4 },
      { evidence: { conversationId: null, messageId: null, reference: null } },
    ];
    for (const variant of variants) expect(entryLeafHash(validEntry(variant)).toString('hex')).not.toBe(base);
  });

  it('is the RFC 6962 leaf hash of the canonical bytes', () => {
    const entry = validEntry();
    expect(entryLeafHash(entry).equals(leafHash(canonicalEntryBytes(entry)))).toBe(true);
    const manual = createHash('sha256')
      .update(Buffer.from([0]))
      .update(canonicalEntryBytes(entry))
      .digest();
    expect(entryLeafHash(entry).equals(manual)).toBe(true);
  });

  it('throws on an invalid entry, naming paths but not values', () => {
    const bad = { ...validEntry(), subjectId: 'jane@example.com' } as ConsentEntry;
    expect(() => canonicalEntryBytes(bad)).toThrow('Invalid consent entry: /subjectId must be a lowercase UUID');
    expect(() => canonicalEntryBytes(bad)).not.toThrow(/jane/);
    expect(() => entryLeafHash({ ...validEntry(), extra: 1 } as ConsentEntry)).toThrow(/\/extra/);
  });
});
