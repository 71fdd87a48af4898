import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `cnd_<keyId>_<secret>`: a public 16-character id to find
 * the key and a 256-bit random secret. Only SHA-256 of the secret is stored (a
 * slow hash buys nothing for a secret of that entropy).
 */
export interface IssuedApiKey {
  keyId: string;
  secretHash: string;
  /** The full key, shown to its owner once and never stored. */
  plaintext: string;
}

const KEY_PATTERN = /^cnd_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function issueApiKey(): IssuedApiKey {
  const keyId = Array.from(randomBytes(16), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secretHash: hashSecret(secret), plaintext: `cnd_${keyId}_${secret}` };
}

export function parseApiKey(candidate: string): { keyId: string; secret: string } | undefined {
  const match = KEY_PATTERN.exec(candidate);
  return match ? { keyId: match[1], secret: match[2] } : undefined;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
