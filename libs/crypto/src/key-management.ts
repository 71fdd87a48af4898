/**
 * The contract of Candor's key management: per-tenant key-encryption keys
 * (KEKs) and per-subject data keys (DEKs) kept only wrapped by their tenant's
 * KEK. Two implementations share it and one contract test suite: Vault
 * (Transit for KEKs, KV v2 for the wrapped DEKs) and a local provider for
 * setups without Vault.
 */

/** A fresh 256-bit data key, in the clear (for immediate use) and wrapped (for storage). */
export interface DataKey {
  plaintext: Buffer;
  wrapped: string;
}

export interface KeyManagementHealth {
  ok: boolean;
  /** Why not, in words safe to show operators (no key material). */
  detail?: string;
}

export interface KeyManagementService {
  readonly provider: 'vault' | 'local';

  /** Creates the tenant's key-encryption key if it does not exist yet. Idempotent. */
  ensureTenantKey(tenantId: string): Promise<void>;

  /** A new data key wrapped by the tenant's current KEK version. */
  generateDataKey(tenantId: string): Promise<DataKey>;

  /**
   * The data key inside `wrapped`. Throws `KeyDestroyedError` when the tenant
   * key is gone or the wrapping version is below the minimum decryption
   * version, `KeyServiceUnavailableError` when the key service cannot answer.
   */
  unwrapDataKey(tenantId: string, wrapped: string): Promise<Buffer>;

  /** `wrapped` re-wrapped under the tenant's latest KEK version (the data key itself is unchanged). */
  rewrapDataKey(tenantId: string, wrapped: string): Promise<string>;

  /** Adds a new KEK version and returns its number. */
  rotateTenantKey(tenantId: string): Promise<number>;

  /** The tenant KEK's latest version and its minimum decryption version. */
  describeTenantKey(tenantId: string): Promise<{ latestVersion: number; minDecryptionVersion: number }>;

  /** Refuses to unwrap anything wrapped under an older version from now on (and forgets those versions). */
  setMinDecryptionVersion(tenantId: string, version: number): Promise<void>;

  /** Destroys the tenant's KEK: every data key it wrapped becomes unreadable (tenant off-boarding). */
  destroyTenantKey(tenantId: string): Promise<void>;

  /** Stores a subject's wrapped data key. Returns the stored one if another writer won the race. */
  putSubjectKey(tenantId: string, subjectId: string, wrapped: string): Promise<string>;

  /** The subject's wrapped data key, or undefined if it never existed or was destroyed. */
  getSubjectKey(tenantId: string, subjectId: string): Promise<string | undefined>;

  /** Replaces a subject's wrapped data key (after re-wrapping it under a newer tenant key version). */
  replaceSubjectKey(tenantId: string, subjectId: string, wrapped: string): Promise<void>;

  /** The ids of the tenant's subjects that have a data key. */
  listSubjectIds(tenantId: string): Promise<string[]>;

  /** Destroys the subject's wrapped data key, every version of it, in one step (crypto-shredding). */
  destroySubjectKey(tenantId: string, subjectId: string): Promise<void>;

  /** Whether the key service can serve requests now (readiness). */
  health(): Promise<KeyManagementHealth>;

  /** Releases timers and connections (token renewal, pools). */
  close(): Promise<void>;
}

/** The key is gone for good (erased subject or off-boarded tenant): show the data as erased. */
export class KeyDestroyedError extends Error {
  constructor(message = 'The key was destroyed') {
    super(message);
    this.name = 'KeyDestroyedError';
  }
}

/** The key service cannot answer now (down, sealed, unreachable): fail closed with a 503. */
export class KeyServiceUnavailableError extends Error {
  constructor(message = 'The key service is unavailable') {
    super(message);
    this.name = 'KeyServiceUnavailableError';
  }
}
