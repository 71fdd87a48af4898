import { createHmac } from 'node:crypto';
import type { SubjectKeyRing } from './subject-key-ring';

/**
 * The tenant's blind-index key is kept like a subject's data key, under this
 * reserved id: wrapped by the tenant key, re-wrapped on rotation, gone with
 * the tenant. It is never a real subject, so it is never shredded.
 */
export const BLIND_INDEX_KEY_ID = '00000000-0000-4000-8000-000000000000';

export type BlindIndexKind = 'email' | 'phone';

/**
 * Finding a subject by email or phone without storing either: a keyed HMAC,
 * per tenant, of the normalised value. Equal inputs give equal indexes within
 * a tenant; across tenants, or without the key, they reveal nothing.
 */
export class BlindIndex {
  constructor(private readonly keys: SubjectKeyRing) {}

  async of(tenantId: string, kind: BlindIndexKind, value: string): Promise<string> {
    const key = await this.keys.keyForWriting(tenantId, BLIND_INDEX_KEY_ID);
    return createHmac('sha256', key)
      .update(`${kind}:${normalise(kind, value)}`)
      .digest('base64url');
  }
}

/** Case, spaces and punctuation must not turn one address or number into two. */
export function normalise(kind: BlindIndexKind, value: string): string {
  if (kind === 'email') return value.trim().normalize('NFC').toLowerCase();
  const digits = value.replace(/[^\d+]/g, '');
  // Keep a leading + (international form); drop any other.
  return digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '');
}
