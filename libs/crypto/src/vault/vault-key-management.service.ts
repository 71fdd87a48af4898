import { readFile } from 'node:fs/promises';
import nodeVault from 'node-vault';
import {
  type DataKey,
  KeyDestroyedError,
  type KeyManagementHealth,
  type KeyManagementService,
  KeyServiceUnavailableError,
} from '../key-management';
import type { VaultSettings } from './vault-settings';

type VaultClient = ReturnType<typeof nodeVault>;

interface TokenState {
  renewable: boolean;
  /** The TTL Vault grants this token per renewal; a smaller grant means its max TTL is near. */
  fullTtlSeconds: number;
  capped: boolean;
  expiresAt: number | undefined;
}

/** Tenant and subject ids become path segments: nothing that could climb or split a path. */
const PATH_SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;
/** Vault's words for a tenant key that is gone, or a wrapping version below the key's minimum. */
const KEY_GONE =
  /encryption key not found|key not found|no existing key named|disallowed by policy \(too old\)|below (the )?min/i;
const KEY_ALREADY_GONE = /no existing key named|could not delete key; not found/i;
const CAS_CONFLICT = /check-and-set parameter did not match/i;
const RENEWAL_RETRY_MS = 5_000;

/**
 * Candor's keys in Vault. Each tenant's key-encryption key is a Transit key
 * (`candor-tenant-<tenantId>`, aes256-gcm96); data keys come from Transit's
 * `datakey` endpoint and are kept only wrapped, one KV v2 entry per subject
 * (`subject-keys/<tenantId>/<subjectId>`), so millions of subjects cost no
 * Transit keys and one metadata delete shreds a subject. Vault being down,
 * sealed or refusing the token is a `KeyServiceUnavailableError`: nothing
 * here ever falls back to anything weaker.
 */
export class VaultKeyManagementService implements KeyManagementService {
  readonly provider = 'vault' as const;
  private readonly client: VaultClient;
  /** Logins go out without any token: a stale one must not travel, nor make Vault refuse the login. */
  private readonly loginClient: VaultClient;
  private token: TokenState | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly settings: VaultSettings) {
    this.client = createClient(settings);
    this.loginClient = createClient(settings);
  }

  /** Authenticates and keeps the token alive from then on (`createVaultKeyManagement` calls it). */
  async login(): Promise<void> {
    const auth = this.settings.auth;
    if (auth.method === 'token') {
      this.client.token = auth.token;
    } else {
      const credentials =
        auth.method === 'approle'
          ? { role_id: auth.roleId, secret_id: auth.secretId }
          : { role: auth.role, jwt: (await readFile(auth.jwtPath, 'utf8')).trim() };
      const { auth: issued } = await this.call('log in', () =>
        this.loginClient.write(`auth/${auth.mount}/login`, credentials),
      );
      this.client.token = issued.client_token;
    }
    const { data } = await this.call('look up its token', () => this.client.read('auth/token/lookup-self'));
    this.keepAlive(data.ttl, data.renewable, data.creation_ttl ?? data.ttl, false);
  }

  async ensureTenantKey(tenantId: string): Promise<void> {
    // Creating an existing Transit key changes nothing: Vault makes this idempotent.
    await this.call('create the tenant key', () => this.client.write(this.keyPath(tenantId), { type: 'aes256-gcm96' }));
  }

  async generateDataKey(tenantId: string): Promise<DataKey> {
    const { data } = await this.call('generate a data key', () =>
      this.client.write(`${this.settings.transitMount}/datakey/plaintext/${keyName(tenantId)}`, { bits: 256 }),
    );
    return { plaintext: Buffer.from(data.plaintext, 'base64'), wrapped: data.ciphertext };
  }

  async unwrapDataKey(tenantId: string, wrapped: string): Promise<Buffer> {
    const { data } = await this.call('unwrap a data key', () =>
      this.client.write(`${this.settings.transitMount}/decrypt/${keyName(tenantId)}`, { ciphertext: wrapped }),
    );
    return Buffer.from(data.plaintext, 'base64');
  }

  async rewrapDataKey(tenantId: string, wrapped: string): Promise<string> {
    const { data } = await this.call('rewrap a data key', () =>
      this.client.write(`${this.settings.transitMount}/rewrap/${keyName(tenantId)}`, { ciphertext: wrapped }),
    );
    return data.ciphertext;
  }

  async rotateTenantKey(tenantId: string): Promise<number> {
    // Transit's rotate endpoint, not node-vault's rotate(), which rotates Vault's own barrier key.
    await this.call('rotate the tenant key', () => this.client.write(`${this.keyPath(tenantId)}/rotate`, {}));
    return (await this.describeTenantKey(tenantId)).latestVersion;
  }

  async describeTenantKey(tenantId: string): Promise<{ latestVersion: number; minDecryptionVersion: number }> {
    const { data } = await this.call('read the tenant key', () => this.client.read(this.keyPath(tenantId)), {
      notFoundMeansDestroyed: true,
    });
    return { latestVersion: data.latest_version, minDecryptionVersion: data.min_decryption_version };
  }

  async setMinDecryptionVersion(tenantId: string, version: number): Promise<void> {
    // Checked here so that both providers refuse the same things, whatever Vault version answers.
    const current = await this.describeTenantKey(tenantId);
    if (!Number.isInteger(version) || version < current.minDecryptionVersion || version > current.latestVersion) {
      throw new Error('The version must lie between the current minimum and the latest');
    }
    const path = this.keyPath(tenantId);
    // Vault trims only once a minimum encryption version is set (new wraps use the latest version anyway).
    await this.call('raise the minimum decryption version', () =>
      this.client.write(`${path}/config`, { min_decryption_version: version, min_encryption_version: version }),
    );
    // Refusing old versions is a policy; trimming deletes them, so old wraps in backups stay unreadable.
    await this.call('trim old key versions', () =>
      this.client.write(`${path}/trim`, { min_available_version: version }),
    );
  }

  async destroyTenantKey(tenantId: string): Promise<void> {
    const path = this.keyPath(tenantId);
    try {
      await this.client.write(`${path}/config`, { deletion_allowed: true });
      await this.client.delete(path);
    } catch (error) {
      // Destroying is idempotent; a missing mount (404) is not "already destroyed" and is reported.
      const failure = describeFailure(error);
      if (failure.status === 400 && KEY_ALREADY_GONE.test(failure.message)) return;
      throw toKeyError('destroy the tenant key', error);
    }
  }

  async putSubjectKey(tenantId: string, subjectId: string, wrapped: string): Promise<string> {
    try {
      await this.client.write(this.subjectPath('data', tenantId, subjectId), {
        options: { cas: 0 },
        data: { wrapped },
      });
      return wrapped;
    } catch (error) {
      // Another writer won: a CAS mismatch, or a create-only policy refusing to touch the existing entry (403).
      const { status, message } = describeFailure(error);
      const lost = (status === 400 && CAS_CONFLICT.test(message)) || status === 403;
      const existing = lost ? await this.getSubjectKey(tenantId, subjectId) : undefined;
      if (existing !== undefined) return existing;
      throw toKeyError('store a subject key', error);
    }
  }

  async getSubjectKey(tenantId: string, subjectId: string): Promise<string | undefined> {
    try {
      const { data } = await this.client.read(this.subjectPath('data', tenantId, subjectId));
      const wrapped: unknown = data?.data?.wrapped;
      return typeof wrapped === 'string' ? wrapped : undefined;
    } catch (error) {
      const { status, message } = describeFailure(error);
      if (status === 404 && message === '') return undefined;
      throw toKeyError('read a subject key', error);
    }
  }

  async replaceSubjectKey(tenantId: string, subjectId: string, wrapped: string): Promise<void> {
    // A new KV version; the old one (wrapped under a retired key version) becomes unreadable once that version is trimmed.
    await this.call('replace a subject key', () =>
      this.client.write(this.subjectPath('data', tenantId, subjectId), { data: { wrapped } }),
    );
  }

  async listSubjectIds(tenantId: string): Promise<string[]> {
    try {
      const { data } = await this.client.list(
        `${this.settings.kvMount}/metadata/subject-keys/${pathSegment(tenantId)}`,
      );
      const keys: unknown = data?.keys;
      return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
    } catch (error) {
      const { status } = describeFailure(error);
      if (status === 404) return [];
      throw toKeyError('list subject keys', error);
    }
  }

  async destroySubjectKey(tenantId: string, subjectId: string): Promise<void> {
    // Deleting the metadata removes every version and the history in one step (a data delete is only soft).
    await this.call('destroy a subject key', () =>
      this.client.delete(this.subjectPath('metadata', tenantId, subjectId)),
    );
  }

  async health(): Promise<KeyManagementHealth> {
    if (this.token?.expiresAt !== undefined && Date.now() >= this.token.expiresAt) {
      return { ok: false, detail: 'the Vault token expired and could not be renewed' };
    }
    let status: { initialized?: unknown; sealed?: unknown } | undefined;
    try {
      // node-vault hands sys/health answers back whatever their status (503 when sealed).
      status = await this.client.read('sys/health');
    } catch {
      return { ok: false, detail: 'unreachable' };
    }
    if (status?.sealed === true) return { ok: false, detail: 'sealed' };
    if (status?.initialized === false) return { ok: false, detail: 'not initialized' };
    if (status?.sealed !== false) return { ok: false, detail: 'unexpected answer from sys/health' };
    return { ok: true };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /** Renews at two thirds of the TTL; AppRole and Kubernetes log in again when renewal fails or max TTL is near. */
  private keepAlive(ttlSeconds: number, renewable: boolean, fullTtlSeconds: number, capped: boolean): void {
    // A TTL of 0 means "never expires" (root tokens), unless a renewal was capped to it.
    this.token = {
      renewable,
      fullTtlSeconds,
      capped,
      expiresAt: ttlSeconds > 0 || capped ? Date.now() + ttlSeconds * 1000 : undefined,
    };
    if (ttlSeconds > 0 && (renewable || this.settings.auth.method !== 'token')) {
      this.scheduleRefresh((ttlSeconds * 1000 * 2) / 3);
    }
  }

  private scheduleRefresh(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    if (this.closed) return;
    this.refreshTimer = setTimeout(() => void this.refreshToken(), delayMs).unref();
  }

  private async refreshToken(): Promise<void> {
    const canLogIn = this.settings.auth.method !== 'token';
    try {
      if (this.token?.renewable && !(canLogIn && this.token.capped)) {
        try {
          const { auth } = await this.client.write('auth/token/renew-self', {});
          const full = this.token.fullTtlSeconds;
          // Nothing granted means the max TTL is reached: only a new login helps.
          if (auth.lease_duration > 0 || !canLogIn) {
            this.keepAlive(auth.lease_duration, auth.renewable, full, auth.lease_duration < full);
            return;
          }
        } catch (error) {
          if (!canLogIn) throw error;
        }
      }
      await this.login();
    } catch {
      // Vault unreachable or refusing: try again soon; health() reports it once the token has expired.
      this.scheduleRefresh(RENEWAL_RETRY_MS);
    }
  }

  private keyPath(tenantId: string): string {
    return `${this.settings.transitMount}/keys/${keyName(tenantId)}`;
  }

  private subjectPath(area: 'data' | 'metadata', tenantId: string, subjectId: string): string {
    return `${this.settings.kvMount}/${area}/subject-keys/${pathSegment(tenantId)}/${pathSegment(subjectId)}`;
  }

  private async call<T>(
    operation: string,
    send: () => Promise<T>,
    options: { notFoundMeansDestroyed?: boolean } = {},
  ): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw toKeyError(operation, error, options.notFoundMeansDestroyed);
    }
  }
}

/** A logged-in Vault key service, its token kept alive until `close()`. */
export async function createVaultKeyManagement(settings: VaultSettings): Promise<VaultKeyManagementService> {
  const service = new VaultKeyManagementService(settings);
  try {
    await service.login();
  } catch (error) {
    await service.close();
    throw error;
  }
  return service;
}

function createClient(settings: VaultSettings): VaultClient {
  const client = nodeVault({
    endpoint: settings.address,
    apiVersion: 'v1',
    requestOptions: { timeout: settings.requestTimeoutMs },
    // node-vault's debug output prints request bodies, login secrets included.
    debug: () => undefined,
    // LIST as GET ?list=true, which Vault documents too: proxies (and Node servers) may refuse a LIST verb.
    noCustomHTTPVerbs: true,
  });
  // node-vault falls back to VAULT_TOKEN and VAULT_NAMESPACE from the environment: only the settings count.
  client.token = '';
  Object.assign(client, { namespace: settings.namespace ?? '' });
  return client;
}

function keyName(tenantId: string): string {
  return `candor-tenant-${pathSegment(tenantId)}`;
}

function pathSegment(id: string): string {
  if (!PATH_SEGMENT.test(id)) throw new Error('Tenant and subject ids must be 1-128 letters, digits, - or _');
  return id;
}

/** The HTTP status and Vault's `errors` of a failed call; no status means Vault was not reached. */
function describeFailure(error: unknown): { status: number | undefined; message: string; code?: string } {
  const response = (error as { response?: { statusCode?: unknown; body?: unknown } } | undefined)?.response;
  if (response && typeof response.statusCode === 'number') {
    const errors = (response.body as { errors?: unknown } | undefined)?.errors;
    return { status: response.statusCode, message: Array.isArray(errors) ? errors.map(String).join('; ') : '' };
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  return { status: undefined, message: '', code: typeof code === 'string' ? code : undefined };
}

/**
 * Maps a failed Vault call to the contract's errors. The original error is
 * dropped on purpose: node-vault's network errors carry the request, token
 * and body included.
 */
function toKeyError(operation: string, error: unknown, notFoundMeansDestroyed = false): Error {
  const { status, message, code } = describeFailure(error);
  if (status === undefined) {
    return new KeyServiceUnavailableError(`Vault could not be reached to ${operation}${code ? ` (${code})` : ''}`);
  }
  const said = message ? `: ${message}` : '';
  if (status === 403) return new KeyServiceUnavailableError(`Vault refused to ${operation}${said}`);
  if (status === 429 || status >= 500) {
    return new KeyServiceUnavailableError(`Vault cannot ${operation} now (HTTP ${status}${said})`);
  }
  if (status === 404 && message.includes('no handler for route')) {
    return new KeyServiceUnavailableError(`Vault has no engine mounted where configured to ${operation}`);
  }
  if (KEY_GONE.test(message) || (status === 404 && notFoundMeansDestroyed)) {
    return new KeyDestroyedError(`The tenant key is destroyed or the data key's version is below its minimum${said}`);
  }
  return new Error(`Vault refused to ${operation} (HTTP ${status}${said})`);
}
