import { type KeyManagementService, KeyDestroyedError } from './key-management';

export interface SubjectKeyRingOptions {
  /** Unwrapped keys kept at most this long: short, so an erasure elsewhere takes effect soon even without its event. */
  ttlMs: number;
  /** Bound on unwrapped keys in memory. */
  maxEntries: number;
  now?: () => number;
}

interface CachedKey {
  key: Buffer;
  expiresAt: number;
}

/**
 * The data keys of data subjects, unwrapped on demand through the key
 * service and kept briefly in a bounded cache. `evict` (called on an erasure
 * event) drops a subject's key at once and wipes its bytes.
 */
export class SubjectKeyRing {
  private readonly cache = new Map<string, CachedKey>();
  private readonly now: () => number;

  constructor(
    private readonly kms: KeyManagementService,
    private readonly options: SubjectKeyRingOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The subject's data key, created (and stored wrapped) on first use. */
  async keyForWriting(tenantId: string, subjectId: string): Promise<Buffer> {
    const cached = this.cached(tenantId, subjectId);
    if (cached) return cached;
    let wrapped = await this.kms.getSubjectKey(tenantId, subjectId);
    if (!wrapped) {
      const fresh = await this.kms.generateDataKey(tenantId);
      wrapped = await this.kms.putSubjectKey(tenantId, subjectId, fresh.wrapped);
      if (wrapped === fresh.wrapped) return this.remember(tenantId, subjectId, fresh.plaintext);
    }
    return this.remember(tenantId, subjectId, await this.kms.unwrapDataKey(tenantId, wrapped));
  }

  /** The subject's data key for reading; `KeyDestroyedError` once the subject was erased. */
  async keyForReading(tenantId: string, subjectId: string): Promise<Buffer> {
    const cached = this.cached(tenantId, subjectId);
    if (cached) return cached;
    const wrapped = await this.kms.getSubjectKey(tenantId, subjectId);
    if (!wrapped) throw new KeyDestroyedError('The subject key does not exist (erased)');
    return this.remember(tenantId, subjectId, await this.kms.unwrapDataKey(tenantId, wrapped));
  }

  /** Forgets a subject's key in this process (after its erasure). */
  evict(tenantId: string, subjectId: string): void {
    const id = cacheKey(tenantId, subjectId);
    this.cache.get(id)?.key.fill(0);
    this.cache.delete(id);
  }

  /** Forgets every key of a tenant in this process (after its key was destroyed). */
  evictTenant(tenantId: string): void {
    for (const [id, entry] of this.cache) {
      if (id.startsWith(`${tenantId}/`)) {
        entry.key.fill(0);
        this.cache.delete(id);
      }
    }
  }

  get size(): number {
    return this.cache.size;
  }

  private cached(tenantId: string, subjectId: string): Buffer | undefined {
    const id = cacheKey(tenantId, subjectId);
    const entry = this.cache.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.evict(tenantId, subjectId);
      return undefined;
    }
    // Refresh recency: Map iteration order doubles as the LRU order.
    this.cache.delete(id);
    this.cache.set(id, entry);
    return entry.key;
  }

  private remember(tenantId: string, subjectId: string, key: Buffer): Buffer {
    const id = cacheKey(tenantId, subjectId);
    this.cache.set(id, { key, expiresAt: this.now() + this.options.ttlMs });
    while (this.cache.size > this.options.maxEntries) {
      const [oldest, entry] = this.cache.entries().next().value as [string, CachedKey];
      entry.key.fill(0);
      this.cache.delete(oldest);
    }
    return key;
  }
}

function cacheKey(tenantId: string, subjectId: string): string {
  return `${tenantId}/${subjectId}`;
}
