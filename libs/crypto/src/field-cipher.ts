import { openAesGcm, sealAesGcm } from './aes-gcm';

/**
 * AES-256-GCM for one field of one record of one subject. Format:
 * `cnd1.<keyId>.<keyVersion>.<base64url(iv ‖ tag ‖ ciphertext)>` — the key id
 * (the subject's pseudonymous id) and version say which data key to fetch;
 * tenant, subject, record and field are bound in as associated data, so a
 * ciphertext copied to another row, field or tenant does not decrypt.
 */
export interface FieldScope {
  tenantId: string;
  /** Pseudonymous data-subject id; also the id of the data key. */
  subjectId: string;
  /** The record the value belongs to, e.g. `message:<uuid>`. */
  record: string;
  /** The field within the record, e.g. `text`. */
  field: string;
}

export interface ParsedCiphertext {
  keyId: string;
  keyVersion: number;
  sealed: Buffer;
}

const FORMAT = 'cnd1';

export class CiphertextFormatError extends Error {
  constructor() {
    super('Not a Candor ciphertext');
    this.name = 'CiphertextFormatError';
  }
}

/** The authentication failed: wrong key, or the ciphertext was moved to another scope or altered. */
export class CiphertextMismatchError extends Error {
  constructor() {
    super('The ciphertext does not belong to this tenant, subject, record and field, or was altered');
    this.name = 'CiphertextMismatchError';
  }
}

export function encryptField(key: Buffer, keyVersion: number, scope: FieldScope, plaintext: string): string {
  const sealed = sealAesGcm(key, Buffer.from(plaintext, 'utf8'), associatedData(scope, keyVersion));
  return `${FORMAT}.${scope.subjectId}.${keyVersion}.${sealed.toString('base64url')}`;
}

export function parseCiphertext(value: string): ParsedCiphertext {
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== FORMAT || !/^\d+$/.test(parts[2])) throw new CiphertextFormatError();
  const sealed = Buffer.from(parts[3], 'base64url');
  // IV (12) and tag (16) at least.
  if (sealed.length < 28) throw new CiphertextFormatError();
  return { keyId: parts[1], keyVersion: Number(parts[2]), sealed };
}

export function decryptField(key: Buffer, scope: FieldScope, value: string): string {
  const parsed = parseCiphertext(value);
  if (parsed.keyId !== scope.subjectId) throw new CiphertextMismatchError();
  try {
    return openAesGcm(key, parsed.sealed, associatedData(scope, parsed.keyVersion)).toString('utf8');
  } catch {
    throw new CiphertextMismatchError();
  }
}

function associatedData(scope: FieldScope, keyVersion: number): Buffer {
  // Length-prefixed, so no two scopes can serialise to the same bytes.
  const parts = [FORMAT, scope.tenantId, scope.subjectId, String(keyVersion), scope.record, scope.field];
  return Buffer.concat(
    parts.map((part) => {
      const bytes = Buffer.from(part, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return Buffer.concat([length, bytes]);
    }),
  );
}
