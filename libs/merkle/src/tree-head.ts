import { KeyObject, sign, verify } from 'node:crypto';
import { HASH_SIZE, isHash, isSize } from './hashing';

/** Signed tree heads. */
export interface TreeHead {
  logId: string;
  treeSize: number;
  rootHash: Buffer;
  /** Milliseconds since the epoch, an integer. */
  timestamp: number;
}

const TAG = Buffer.from('candor-tree-head/v1\0', 'ascii');
const ED25519_SIGNATURE_SIZE = 64;

/**
 * The exact bytes that are signed, a fixed binary layout (integers big-endian):
 *
 *   "candor-tree-head/v1" (19 ASCII bytes) | 0x00 | u16 byte length of logId | logId as UTF-8
 *   | u64 treeSize | u64 timestamp | rootHash (32 bytes)
 *
 * The tag sets these signatures apart from anything else the key may sign; the length prefix and fixed-width
 * fields make the encoding injective. Throws on a head that cannot be encoded exactly: logId not
 * well-formed Unicode (lone surrogates would encode to U+FFFD, so two ids would share bytes) or over 65535
 * bytes, treeSize/timestamp not non-negative safe integers, rootHash not 32 bytes.
 */
export function treeHeadSigningInput(head: TreeHead): Buffer {
  const { logId, treeSize, rootHash, timestamp } = head;
  if (typeof logId !== 'string') throw new TypeError('tree head: logId must be a string');
  const id = Buffer.from(logId, 'utf8');
  if (id.toString('utf8') !== logId) throw new TypeError('tree head: logId is not well-formed Unicode');
  if (id.length > 0xffff) throw new RangeError('tree head: logId is longer than 65535 UTF-8 bytes');
  if (!isSize(treeSize)) throw new RangeError('tree head: treeSize must be a non-negative safe integer');
  if (!isSize(timestamp)) throw new RangeError('tree head: timestamp must be a non-negative safe integer');
  if (!isHash(rootHash)) throw new TypeError(`tree head: rootHash must be ${HASH_SIZE} bytes`);

  const out = Buffer.alloc(TAG.length + 2 + id.length + 8 + 8 + HASH_SIZE);
  let at = TAG.copy(out, 0);
  at = out.writeUInt16BE(id.length, at);
  at += id.copy(out, at);
  at = out.writeBigUInt64BE(BigInt(treeSize), at);
  at = out.writeBigUInt64BE(BigInt(timestamp), at);
  out.set(rootHash, at);
  return out;
}

/** Ed25519 signature over treeHeadSigningInput(head). Throws on an invalid head or a key that is not Ed25519. */
export function signTreeHead(head: TreeHead, privateKey: KeyObject): Buffer {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('signTreeHead: need an Ed25519 private key');
  }
  return sign(null, treeHeadSigningInput(head), privateKey);
}

/** Never throws: false for a bad signature, a malformed head or signature, or a key that is not Ed25519. */
export function verifyTreeHead(head: TreeHead, signature: Uint8Array, publicKey: KeyObject): boolean {
  try {
    if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') return false;
    if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_SIZE) return false;
    return verify(null, treeHeadSigningInput(head), publicKey, signature);
  } catch {
    // treeHeadSigningInput rejects heads that have no encoding; none of them can carry a valid signature.
    return false;
  }
}
