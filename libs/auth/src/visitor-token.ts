import { createHmac, timingSafeEqual } from 'node:crypto';

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
}

const PREFIX = 'vt';

/** Signs claims as `vt.<base64url JSON>.<base64url HMAC-SHA256>`. Only ids inside: nothing personal. */
export function signVisitorToken(claims: VisitorClaims, secret: string): string {
  const wire: WireClaims = { t: claims.tenantId, c: claims.conversationId, v: claims.visitorId, exp: claims.expiresAt };
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${PREFIX}.${body}.${signature(body, secret)}`;
}

/** The claims of a genuine, unexpired token; undefined for anything else. */
export function verifyVisitorToken(token: string, secret: string, now = Date.now()): VisitorClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return undefined;
  const [, body, mac] = parts;
  const expected = Buffer.from(signature(body, secret));
  const actual = Buffer.from(mac);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  let wire: Partial<WireClaims>;
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof wire.t !== 'string' || typeof wire.c !== 'string' || typeof wire.v !== 'string') return undefined;
  if (typeof wire.exp !== 'number' || wire.exp * 1000 <= now) return undefined;
  return { tenantId: wire.t, conversationId: wire.c, visitorId: wire.v, expiresAt: wire.exp };
}

function signature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PREFIX}.${body}`).digest('base64url');
}
