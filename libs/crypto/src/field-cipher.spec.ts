import { randomBytes } from 'node:crypto';
import {
  CiphertextFormatError,
  CiphertextMismatchError,
  type FieldScope,
  decryptField,
  encryptField,
} from './field-cipher';

const key = randomBytes(32);
const scope: FieldScope = {
  tenantId: '11111111-1111-4111-8111-111111111111',
  subjectId: '22222222-2222-4222-8222-222222222222',
  record: 'message:33333333-3333-4333-8333-333333333333',
  field: 'text',
};

describe('field cipher', () => {
  it('round-trips text, including non-ASCII, and never shows the plaintext', () => {
    const plaintext = 'Grüße — my email is ada@example.com 😀';
    const sealed = encryptField(key, 1, scope, plaintext);
    expect(sealed).not.toContain('ada@example.com');
    expect(sealed.startsWith(`cnd1.${scope.subjectId}.1.`)).toBe(true);
    expect(decryptField(key, scope, sealed)).toBe(plaintext);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptField(key, 1, scope, 'same')).not.toBe(encryptField(key, 1, scope, 'same'));
  });

  it.each([
    ['another tenant', { tenantId: '44444444-4444-4444-8444-444444444444' }],
    ['another record', { record: 'message:55555555-5555-4555-8555-555555555555' }],
    ['another field', { field: 'displayName' }],
  ])('refuses a ciphertext moved to %s', (_label, change) => {
    const sealed = encryptField(key, 1, scope, 'secret');
    expect(() => decryptField(key, { ...scope, ...change }, sealed)).toThrow(CiphertextMismatchError);
  });

  it('refuses a ciphertext moved to another subject, a wrong key, a changed version or flipped bits', () => {
    const sealed = encryptField(key, 1, scope, 'secret');
    const otherSubject = { ...scope, subjectId: '66666666-6666-4666-8666-666666666666' };
    expect(() => decryptField(key, otherSubject, sealed)).toThrow(CiphertextMismatchError);
    expect(() => decryptField(randomBytes(32), scope, sealed)).toThrow(CiphertextMismatchError);
    expect(() => decryptField(key, scope, sealed.replace('.1.', '.2.'))).toThrow(CiphertextMismatchError);
    const payload = Buffer.from(sealed.split('.')[3], 'base64url');
    payload[payload.length - 1] ^= 1;
    const flipped = `${sealed.split('.').slice(0, 3).join('.')}.${payload.toString('base64url')}`;
    expect(() => decryptField(key, scope, flipped)).toThrow(CiphertextMismatchError);
  });

  it('rejects anything that is not a Candor ciphertext', () => {
    expect(() => decryptField(key, scope, 'plain text')).toThrow(CiphertextFormatError);
    expect(() => decryptField(key, scope, 'cnd1.a.b.c')).toThrow(CiphertextFormatError);
  });
});
