import { hashSecret, issueApiKey, parseApiKey, secretMatches } from './api-key';
import { signVisitorToken, verifyVisitorToken } from './visitor-token';

describe('API keys', () => {
  it('issues a key whose secret verifies against the stored hash only', () => {
    const issued = issueApiKey();
    const parsed = parseApiKey(issued.plaintext)!;
    expect(parsed.keyId).toBe(issued.keyId);
    expect(issued.secretHash).toBe(hashSecret(parsed.secret));
    expect(secretMatches(parsed.secret, issued.secretHash)).toBe(true);
    const last = parsed.secret.slice(-1);
    const altered = `${parsed.secret.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    expect(secretMatches(altered, issued.secretHash)).toBe(false);
    expect(issued.plaintext).not.toContain(issued.secretHash);
  });

  it('rejects anything that is not shaped like a key', () => {
    expect(parseApiKey('cnd_short_secret')).toBeUndefined();
    expect(parseApiKey('vt.abc.def')).toBeUndefined();
    expect(parseApiKey('')).toBeUndefined();
  });
});

describe('visitor tokens', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';
  const claims = {
    tenantId: '5b0a3c8e-0000-4000-8000-000000000001',
    conversationId: '5b0a3c8e-0000-4000-8000-000000000002',
    visitorId: '5b0a3c8e-0000-4000-8000-000000000003',
    expiresAt: Math.floor(Date.now() / 1000) + 60,
  };

  it('round-trips its claims', () => {
    expect(verifyVisitorToken(signVisitorToken(claims, secret), secret)).toEqual(claims);
  });

  it('rejects a token signed with another secret, tampered with, or expired', () => {
    const token = signVisitorToken(claims, secret);
    expect(verifyVisitorToken(token, `${secret}x`)).toBeUndefined();
    const [prefix, body, mac] = token.split('.');
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), c: claims.tenantId }),
    ).toString('base64url');
    expect(verifyVisitorToken(`${prefix}.${widened}.${mac}`, secret)).toBeUndefined();
    expect(verifyVisitorToken(signVisitorToken({ ...claims, expiresAt: 1 }, secret), secret)).toBeUndefined();
    expect(verifyVisitorToken('vt.garbage', secret)).toBeUndefined();
  });

  it('names its signing key, so a rotated secret keeps its live tokens valid until they expire', () => {
    const next = 'the-next-secret-of-at-least-thirty-two-chars';
    const oldToken = signVisitorToken(claims, secret);
    const newToken = signVisitorToken(claims, next);
    // After the rotation: the new secret signs, the old one is still accepted for the tokens it signed.
    expect(verifyVisitorToken(newToken, [next, secret])).toEqual(claims);
    expect(verifyVisitorToken(oldToken, [next, secret])).toEqual(claims);
    // Once the old secret is dropped, its tokens end.
    expect(verifyVisitorToken(oldToken, [next])).toBeUndefined();
    // The key id says which secret, and nothing of it.
    const body = JSON.parse(Buffer.from(newToken.split('.')[1], 'base64url').toString());
    expect(body.k).toHaveLength(12);
    expect(next.includes(body.k)).toBe(false);
  });
});
