import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What a visitor token lets its bearer do: act as one visitor in one conversation. */
export interface VisitorClaims {
  tenantId: string;
  conversationId: string;
  visitorId: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

interface WireClaims {
  t: string;
  c: string;
  v: string;
  exp: number;
  /** Which secret signed it (see `visitorTokenKeyId`); tokens from before key ids have none. */
  k?: string;
}

const PREFIX = 'vt';

/**
 * A short, public name for a signing secret (a digest prefix: it tells nothing usable about the secret), carried
 * in each token so that after a rotation the verifier knows which secret to check it with.
 */
export function visitorTokenKeyId(secret: string): string {
  return createHash('sha256').update(`visitor-token-key:${secret}`).digest('base64url').slice(0, 12);
}

/** Signs claims as `vt.<base64url JSON>.<base64url HMAC-SHA256>`. Only ids inside: nothing personal. */
export function signVisitorToken(claims: VisitorClaims, secret: string): string {
  const wire: WireClaims = {
    t: claims.tenantId,
    c: claims.conversationId,
    v: claims.visitorId,
    exp: claims.expiresAt,
    k: visitorTokenKeyId(secret),
  };
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${PREFIX}.${body}.${signature(body, secret)}`;
}

/**
 * The claims of a genuine, unexpired token; undefined for anything else. `secrets`: the current signing
 * secret first, then earlier ones still accepted while the tokens they signed live out their time (rotation).
 * The token's key id picks the secret; a token without one is checked against the current secret only.
 */
export function verifyVisitorToken(
  token: string,
  secrets: string | readonly string[],
  now = Date.now(),
): VisitorClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return undefined;
  const [, body, mac] = parts;
  let wire: Partial<WireClaims>;
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const candidates = typeof secrets === 'string' ? [secrets] : secrets;
  // Read before the signature is checked only to choose the secret; nothing else of it is trusted until then.
  const secret = wire?.k === undefined ? candidates[0] : candidates.find((c) => visitorTokenKeyId(c) === wire.k);
  if (secret === undefined) return undefined;
  const expected = Buffer.from(signature(body, secret));
  const actual = Buffer.from(mac);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  if (typeof wire.t !== 'string' || typeof wire.c !== 'string' || typeof wire.v !== 'string') return undefined;
  if (typeof wire.exp !== 'number' || wire.exp * 1000 <= now) return undefined;
  return { tenantId: wire.t, conversationId: wire.c, visitorId: wire.v, expiresAt: wire.exp };
}

function signature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PREFIX}.${body}`).digest('base64url');
}
