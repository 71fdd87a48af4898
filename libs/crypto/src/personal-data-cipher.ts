import { type FieldScope, decryptField, encryptField } from './field-cipher';
import { KeyDestroyedError } from './key-management';
import type { SubjectKeyRing } from './subject-key-ring';

/** What services show in place of data whose subject was erased. */
export const ERASED = '[erased]';

/** Subject data keys are not rotated yet: every ciphertext says version 1. */
const DATA_KEY_VERSION = 1;

/**
 * Encrypts and decrypts personal data under its subject's key. Decrypting
 * data of an erased subject (or of an off-boarded tenant) gives `ERASED`
 * instead of failing; a key service that cannot answer fails closed.
 */
export class PersonalDataCipher {
  constructor(private readonly keys: SubjectKeyRing) {}

  async encrypt(scope: FieldScope, plaintext: string): Promise<string> {
    const key = await this.keys.keyForWriting(scope.tenantId, scope.subjectId);
    return encryptField(key, DATA_KEY_VERSION, scope, plaintext);
  }

  async decrypt(scope: FieldScope, ciphertext: string): Promise<string> {
    let key: Buffer;
    try {
      key = await this.keys.keyForReading(scope.tenantId, scope.subjectId);
    } catch (error) {
      if (error instanceof KeyDestroyedError) return ERASED;
      throw error;
    }
    return decryptField(key, scope, ciphertext);
  }
}
