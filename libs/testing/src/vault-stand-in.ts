import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

interface TransitKey {
  versions: Map<number, { key: Buffer; createdAt: number }>;
  latestVersion: number;
  minDecryptionVersion: number;
  minAvailableVersion: number;
  deletionAllowed: boolean;
}

interface KvEntry {
  version: number;
  data: Json;
  createdTime: string;
}

interface Token {
  id: string;
  accessor: string;
  policies: string[];
  /** The TTL granted at creation and on each renewal, seconds; 0 = never expires (root). */
  ttl: number;
  createdAt: number;
  expiresAt: number | undefined;
  maxExpiresAt: number | undefined;
  meta: Record<string, string>;
}

interface AppRole {
  name: string;
  roleId: string;
  secretIds: Set<string>;
  policies: string[];
}

interface Reply {
  status: number;
  body?: unknown;
}

class VaultApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const GCM_NONCE_BYTES = 12;
const CIPHERTEXT_PATTERN = /^vault:v(\d+):(.+)$/;

/**
 * A stand-in for HashiCorp Vault serving only the documented endpoints Candor
 * uses; not Vault. No Vault server can be installed on the development
 * machines, so the Vault key provider and `infra/vault/setup.sh` are tested
 * against this: Transit (aes256-gcm96 keys with real AES-256-GCM per version,
 * `vault:v<N>:` ciphertexts, min_decryption_version, trim, deletion_allowed),
 * KV v2 (check-and-set writes, reads, metadata list and delete), sys/health with a seal
 * switch, tokens (lookup-self, renew-self, TTL and max TTL), AppRole and
 * Kubernetes logins, and the sys/mounts, sys/auth, sys/policies/acl and AppRole
 * role endpoints the setup script calls. Request and response shapes follow
 * Vault's API documentation; errors are `{"errors":[...]}` with Vault's status.
 * ACL policies are stored but not enforced: every valid token may do anything.
 */
export class VaultStandIn {
  readonly rootToken = `hvs.standin-root-${randomUUID()}`;
  /** Successful renew-self calls and logins, for renewal tests. */
  readonly counts = { renewals: 0, logins: 0 };
  private server: Server | undefined;
  private sealed = false;
  private tokenTtlSeconds = 3600;
  private tokenMaxTtlSeconds = 0;
  private readonly secretMounts = new Map<string, 'transit' | 'kv-v2'>();
  private readonly authMounts = new Map<string, 'token' | 'approle' | 'kubernetes'>([['token', 'token']]);
  private readonly policies = new Map<string, string>();
  private readonly tokens = new Map<string, Token>();
  private readonly transitKeys = new Map<string, TransitKey>();
  private readonly kv = new Map<string, KvEntry>();
  private readonly appRoles = new Map<string, AppRole>();
  private readonly kubernetesRoles = new Map<string, { jwt: string; policies: string[] }>();

  /**
   * `bare`: a fresh Vault, as `infra/vault/setup.sh` finds it (no Candor engines, no AppRole or
   * Kubernetes auth). Otherwise Transit and KV v2 are mounted where Candor expects them.
   */
  constructor(options: { bare?: boolean } = {}) {
    this.tokens.set(this.rootToken, {
      id: this.rootToken,
      accessor: randomUUID(),
      policies: ['root'],
      ttl: 0,
      createdAt: Date.now(),
      expiresAt: undefined,
      maxExpiresAt: undefined,
      meta: {},
    });
    if (!options.bare) {
      this.secretMounts.set('candor-transit', 'transit');
      this.secretMounts.set('candor-kv', 'kv-v2');
      this.authMounts.set('approle', 'approle');
      this.authMounts.set('kubernetes', 'kubernetes');
    }
  }

  get address(): string {
    if (!this.server) throw new Error('The Vault stand-in is not started');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Every request but sys/health answers 503 "Vault is sealed", as a sealed Vault does. */
  seal(): void {
    this.sealed = true;
  }

  unseal(): void {
    this.sealed = false;
  }

  /** TTL (and max TTL, 0 = none) of tokens issued by later logins, in seconds. */
  setTokenTtl(ttlSeconds: number, maxTtlSeconds = 0): void {
    this.tokenTtlSeconds = ttlSeconds;
    this.tokenMaxTtlSeconds = maxTtlSeconds;
  }

  addAppRole(roleId: string, secretId: string, policies: string[] = []): void {
    const existing = [...this.appRoles.values()].find((role) => role.roleId === roleId);
    if (existing) existing.secretIds.add(secretId);
    else
      this.appRoles.set(`role-${roleId}`, { name: `role-${roleId}`, roleId, secretIds: new Set([secretId]), policies });
  }

  /** A Kubernetes auth role accepting exactly this service-account JWT (no TokenReview here). */
  addKubernetesRole(role: string, jwt: string, policies: string[] = []): void {
    this.kubernetesRoles.set(role, { jwt, policies });
  }

  /** The stored text of an ACL policy (for setup-script tests). */
  policy(name: string): string | undefined {
    return this.policies.get(name);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      if (!url.pathname.startsWith('/v1/')) throw new VaultApiError(404, 'no handler for route');
      const path = url.pathname.slice('/v1/'.length).replace(/\/+$/, '');
      // Vault takes LIST either as its own verb or as GET with ?list=true.
      const listing = request.method === 'LIST' || (request.method === 'GET' && url.searchParams.has('list'));
      const method = listing ? 'LIST' : request.method === 'PUT' ? 'POST' : (request.method ?? 'GET');
      const body = await readJson(request);
      reply = this.route(method, path, body, request.headers['x-vault-token']);
    } catch (error) {
      const status = error instanceof VaultApiError ? error.status : 500;
      reply = { status, body: { errors: [error instanceof Error ? error.message : 'internal error'] } };
    }
    if (reply.body === undefined) {
      response.writeHead(reply.status).end();
      return;
    }
    response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  }

  private route(method: string, path: string, body: Json, token: string | string[] | undefined): Reply {
    if (path === 'sys/health' && method === 'GET') return this.health();
    if (this.sealed) throw new VaultApiError(503, 'Vault is sealed');
    const segments = path.split('/');
    if (segments[0] === 'auth' && segments[2] === 'login' && segments.length === 3) {
      return this.login(method, segments[1], body);
    }
    const caller = this.authenticate(token);
    if (segments[0] === 'sys') return this.sys(method, segments.slice(1), body);
    if (segments[0] === 'auth') return this.auth(method, segments.slice(1), body, caller);
    const mount = segments[0];
    const rest = segments.slice(1);
    switch (this.secretMounts.get(mount)) {
      case 'transit':
        return this.transit(method, mount, rest, body);
      case 'kv-v2':
        return this.kvV2(method, mount, rest, body);
      default:
        throw noHandler(path);
    }
  }

  private health(): Reply {
    const body = {
      initialized: true,
      sealed: this.sealed,
      standby: this.sealed,
      performance_standby: false,
      replication_performance_mode: 'disabled',
      replication_dr_mode: 'disabled',
      server_time_utc: Math.floor(Date.now() / 1000),
      version: '0.0.0+candor-stand-in',
      cluster_name: 'candor-stand-in',
      cluster_id: 'candor-stand-in',
    };
    return { status: this.sealed ? 503 : 200, body };
  }

  private authenticate(header: string | string[] | undefined): Token {
    const token = typeof header === 'string' ? this.tokens.get(header) : undefined;
    if (!token || (token.expiresAt !== undefined && Date.now() >= token.expiresAt)) {
      throw new VaultApiError(403, 'permission denied');
    }
    return token;
  }

  // --- sys: mounts, auth methods, ACL policies -------------------------------------------------

  private sys(method: string, segments: string[], body: Json): Reply {
    const [area, ...rest] = segments;
    const name = rest.join('/');
    if (area === 'mounts' && method === 'GET' && !name) {
      const mounts: Json = {
        'sys/': mountInfo('system'),
        'cubbyhole/': mountInfo('cubbyhole'),
        'identity/': mountInfo('identity'),
      };
      for (const [path, type] of this.secretMounts) {
        mounts[`${path}/`] = type === 'kv-v2' ? mountInfo('kv', { version: '2' }) : mountInfo(type);
      }
      return ok(mounts, mounts);
    }
    if (area === 'mounts' && method === 'POST' && name) {
      if (this.secretMounts.has(name)) throw new VaultApiError(400, `path is already in use at ${name}/`);
      const options = (body.options ?? {}) as Json;
      if (body.type === 'transit') this.secretMounts.set(name, 'transit');
      else if (body.type === 'kv-v2' || (body.type === 'kv' && String(options.version) === '2')) {
        this.secretMounts.set(name, 'kv-v2');
      } else throw new VaultApiError(400, `plugin not found in the catalog: ${String(body.type)}`);
      return { status: 204 };
    }
    if (area === 'auth' && method === 'GET' && !name) {
      const methods: Json = {};
      for (const [path, type] of this.authMounts) methods[`${path}/`] = mountInfo(type);
      return ok(methods, methods);
    }
    if (area === 'auth' && method === 'POST' && name) {
      if (this.authMounts.has(name)) throw new VaultApiError(400, `path is already in use at auth/${name}/`);
      if (body.type !== 'approle' && body.type !== 'kubernetes') {
        throw new VaultApiError(400, `plugin not found in the catalog: ${String(body.type)}`);
      }
      this.authMounts.set(name, body.type);
      return { status: 204 };
    }
    if (area === 'policies' && rest[0] === 'acl' && rest.length === 2) {
      const policyName = rest[1];
      if (method === 'POST') {
        if (typeof body.policy !== 'string' || !body.policy)
          throw new VaultApiError(400, "'policy' parameter not supplied or empty");
        this.policies.set(policyName, body.policy);
        return { status: 204 };
      }
      if (method === 'GET') {
        const policy = this.policies.get(policyName);
        if (policy === undefined) throw new VaultApiError(404, `No policy named: ${policyName}`);
        return ok({ name: policyName, policy });
      }
    }
    throw noHandler(`sys/${segments.join('/')}`);
  }

  // --- auth: token self-service, AppRole roles, logins -----------------------------------------

  private auth(method: string, segments: string[], body: Json, caller: Token): Reply {
    const [mount, ...rest] = segments;
    const kind = this.authMounts.get(mount);
    if (kind === 'token' && rest.join('/') === 'lookup-self' && method === 'GET') return this.lookupSelf(caller);
    if (kind === 'token' && rest.join('/') === 'renew-self' && method === 'POST') return this.renewSelf(caller, body);
    if (kind === 'approle' && rest[0] === 'role' && rest.length >= 2) return this.appRoleAdmin(method, rest, body);
    throw noHandler(`auth/${segments.join('/')}`);
  }

  private lookupSelf(token: Token): Reply {
    const now = Date.now();
    return ok({
      accessor: token.accessor,
      creation_time: Math.floor(token.createdAt / 1000),
      creation_ttl: token.ttl,
      display_name: token.ttl ? 'approle' : 'root',
      entity_id: '',
      expire_time: token.expiresAt === undefined ? null : new Date(token.expiresAt).toISOString(),
      explicit_max_ttl: 0,
      id: token.id,
      issue_time: new Date(token.createdAt).toISOString(),
      meta: token.meta,
      num_uses: 0,
      orphan: true,
      path: token.ttl ? 'auth/login' : 'auth/token/root',
      policies: token.policies,
      renewable: token.expiresAt !== undefined,
      ttl: token.expiresAt === undefined ? 0 : Math.max(0, Math.floor((token.expiresAt - now) / 1000)),
      type: 'service',
    });
  }

  private renewSelf(token: Token, body: Json): Reply {
    if (token.expiresAt === undefined) throw new VaultApiError(400, 'lease is not renewable');
    const now = Date.now();
    const requested = typeof body.increment === 'number' ? body.increment : token.ttl;
    let granted = requested;
    const warnings: string[] = [];
    if (token.maxExpiresAt !== undefined) {
      const remaining = Math.max(0, Math.floor((token.maxExpiresAt - now) / 1000));
      if (remaining < granted) {
        granted = remaining;
        warnings.push(
          `TTL of "${requested}s" exceeded the effective max_ttl of "${remaining}s"; TTL value is capped accordingly`,
        );
      }
    }
    token.expiresAt = now + granted * 1000;
    this.counts.renewals++;
    return {
      status: 200,
      body: { ...envelope(null), warnings: warnings.length ? warnings : null, auth: authBlock(token, granted) },
    };
  }

  private appRoleAdmin(method: string, rest: string[], body: Json): Reply {
    const name = rest[1];
    const sub = rest.slice(2).join('/');
    if (!sub && method === 'POST') {
      const policies = toList(body.token_policies ?? body.policies);
      const role = this.appRoles.get(name);
      if (role) role.policies = policies;
      else this.appRoles.set(name, { name, roleId: randomUUID(), secretIds: new Set(), policies });
      return { status: 204 };
    }
    const role = this.appRoles.get(name);
    if (!role) throw new VaultApiError(400, `role "${name}" does not exist`);
    if (sub === 'role-id' && method === 'GET') return ok({ role_id: role.roleId });
    if (sub === 'secret-id' && method === 'POST') {
      const secretId = randomUUID();
      role.secretIds.add(secretId);
      return ok({ secret_id: secretId, secret_id_accessor: randomUUID(), secret_id_num_uses: 0, secret_id_ttl: 0 });
    }
    throw noHandler(`auth/approle/role/${rest.slice(1).join('/')}`);
  }

  private login(method: string, mount: string, body: Json): Reply {
    const kind = this.authMounts.get(mount);
    if (method !== 'POST' || (kind !== 'approle' && kind !== 'kubernetes')) throw noHandler(`auth/${mount}/login`);
    let policies: string[];
    let meta: Record<string, string>;
    if (kind === 'approle') {
      const role = [...this.appRoles.values()].find((candidate) => candidate.roleId === body.role_id);
      if (!role || typeof body.secret_id !== 'string' || !role.secretIds.has(body.secret_id)) {
        throw new VaultApiError(400, 'invalid role or secret ID');
      }
      policies = role.policies;
      meta = { role_name: role.name };
    } else {
      if (typeof body.jwt !== 'string' || !body.jwt) throw new VaultApiError(400, 'missing jwt');
      const role = typeof body.role === 'string' ? this.kubernetesRoles.get(body.role) : undefined;
      if (!role) throw new VaultApiError(400, `invalid role name "${String(body.role)}"`);
      if (role.jwt !== body.jwt) throw new VaultApiError(403, 'permission denied');
      policies = role.policies;
      meta = { role: String(body.role), service_account_name: 'candor' };
    }
    const now = Date.now();
    const token: Token = {
      id: `hvs.standin-${randomUUID()}`,
      accessor: randomUUID(),
      policies: ['default', ...policies],
      ttl: this.tokenTtlSeconds,
      createdAt: now,
      expiresAt: now + this.tokenTtlSeconds * 1000,
      maxExpiresAt: this.tokenMaxTtlSeconds ? now + this.tokenMaxTtlSeconds * 1000 : undefined,
      meta,
    };
    this.tokens.set(token.id, token);
    this.counts.logins++;
    return { status: 200, body: { ...envelope(null), auth: authBlock(token, token.ttl) } };
  }

  // --- Transit -----------------------------------------------------------------------------------

  private transit(method: string, mount: string, segments: string[], body: Json): Reply {
    if (segments[0] === 'datakey') return this.dataKey(method, mount, segments, body);
    const [area, name, action, ...extra] = segments;
    if (!name || extra.length > 0) throw noHandler(`${mount}/${segments.join('/')}`);
    const id = `${mount}/${name}`;
    const key = this.transitKeys.get(id);
    if (area === 'keys' && action === undefined) {
      if (method === 'GET') {
        if (!key) return { status: 404, body: { errors: [] } };
        return ok(describeKey(name, key));
      }
      if (method === 'POST') {
        const type = body.type ?? 'aes256-gcm96';
        if (type !== 'aes256-gcm96') throw new VaultApiError(400, `unsupported key type ${String(type)}`);
        const created = key ?? newTransitKey();
        this.transitKeys.set(id, created);
        return ok(describeKey(name, created));
      }
      if (method === 'DELETE') {
        if (!key) throw new VaultApiError(400, `error deleting policy ${name}: could not delete key; not found`);
        if (!key.deletionAllowed) {
          throw new VaultApiError(400, `error deleting policy ${name}: deletion is not allowed for this key`);
        }
        this.transitKeys.delete(id);
        return { status: 204 };
      }
    }
    if (area === 'keys' && method === 'POST' && action === 'rotate') {
      if (!key) throw new VaultApiError(400, 'key not found');
      key.latestVersion++;
      key.versions.set(key.latestVersion, { key: randomBytes(32), createdAt: Date.now() });
      return ok(describeKey(name, key));
    }
    if (area === 'keys' && method === 'POST' && action === 'config') {
      if (!key) throw new VaultApiError(400, `no existing key named ${name} could be found`);
      configureKey(key, body);
      return ok(describeKey(name, key));
    }
    if (area === 'keys' && method === 'POST' && action === 'trim') {
      if (!key) throw new VaultApiError(400, 'invalid key name');
      trimKey(key, body);
      return ok(describeKey(name, key));
    }
    if (action !== undefined || method !== 'POST') throw noHandler(`${mount}/${segments.join('/')}`);
    if (area === 'decrypt' || area === 'rewrap') {
      if (!key) throw new VaultApiError(400, 'encryption key not found');
      const plaintext = decrypt(key, body.ciphertext);
      if (area === 'decrypt') return ok({ plaintext: plaintext.toString('base64') });
      return ok({ ciphertext: encrypt(key, plaintext), key_version: key.latestVersion });
    }
    throw noHandler(`${mount}/${segments.join('/')}`);
  }

  /** datakey/<plaintext|wrapped>/<name>: a fresh random key, encrypted under the latest version. */
  private dataKey(method: string, mount: string, segments: string[], body: Json): Reply {
    const [, type, name, ...extra] = segments;
    if (method !== 'POST' || (type !== 'plaintext' && type !== 'wrapped') || !name || extra.length > 0) {
      throw noHandler(`${mount}/${segments.join('/')}`);
    }
    const key = this.transitKeys.get(`${mount}/${name}`);
    if (!key) throw new VaultApiError(400, 'encryption key not found');
    const bits = body.bits === undefined ? 256 : Number(body.bits);
    if (![128, 256, 512].includes(bits)) throw new VaultApiError(400, `invalid bit length ${bits}`);
    const plaintext = randomBytes(bits / 8);
    const data: Json = { ciphertext: encrypt(key, plaintext), key_version: key.latestVersion };
    if (type === 'plaintext') data.plaintext = plaintext.toString('base64');
    return ok(data);
  }

  private kvV2(method: string, mount: string, segments: string[], body: Json): Reply {
    const [area, ...rest] = segments;
    const path = `${mount}/${rest.join('/')}`;
    if (rest.length === 0) throw noHandler(`${mount}/${area}`);
    if (area === 'data' && method === 'GET') {
      const entry = this.kv.get(path);
      if (!entry) return { status: 404, body: { errors: [] } };
      return ok({ data: entry.data, metadata: versionMetadata(entry) });
    }
    if (area === 'data' && method === 'POST') {
      if (!body.data || typeof body.data !== 'object') throw new VaultApiError(400, 'no data provided');
      const existing = this.kv.get(path);
      const cas = (body.options as Json | undefined)?.cas;
      if (cas !== undefined && Number(cas) !== (existing?.version ?? 0)) {
        throw new VaultApiError(400, 'check-and-set parameter did not match the current version');
      }
      const entry = {
        version: (existing?.version ?? 0) + 1,
        data: body.data as Json,
        createdTime: new Date().toISOString(),
      };
      this.kv.set(path, entry);
      return ok(versionMetadata(entry));
    }
    if (area === 'metadata' && method === 'LIST') {
      const prefix = `${path}/`;
      const keys = [...this.kv.keys()]
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length).replace(/\/.*$/, '/'));
      if (keys.length === 0) return { status: 404, body: { errors: [] } };
      return ok({ keys: [...new Set(keys)].sort() });
    }
    if (area === 'metadata' && method === 'DELETE') {
      this.kv.delete(path);
      return { status: 204 };
    }
    throw noHandler(`${mount}/${segments.join('/')}`);
  }
}

function newTransitKey(): TransitKey {
  return {
    versions: new Map([[1, { key: randomBytes(32), createdAt: Date.now() }]]),
    latestVersion: 1,
    minDecryptionVersion: 1,
    minAvailableVersion: 0,
    deletionAllowed: false,
  };
}

function describeKey(name: string, key: TransitKey): Json {
  const keys: Json = {};
  for (const [version, { createdAt }] of key.versions) keys[String(version)] = Math.floor(createdAt / 1000);
  return {
    allow_plaintext_backup: false,
    auto_rotate_period: 0,
    deletion_allowed: key.deletionAllowed,
    derived: false,
    exportable: false,
    imported_key: false,
    keys,
    latest_version: key.latestVersion,
    min_available_version: key.minAvailableVersion,
    min_decryption_version: key.minDecryptionVersion,
    min_encryption_version: 0,
    name,
    supports_decryption: true,
    supports_derivation: true,
    supports_encryption: true,
    supports_signing: false,
    type: 'aes256-gcm96',
  };
}

function configureKey(key: TransitKey, body: Json): void {
  if (body.min_decryption_version !== undefined) {
    let version = Number(body.min_decryption_version);
    if (!Number.isInteger(version) || version < 0)
      throw new VaultApiError(400, 'min decryption version cannot be negative');
    if (version === 0) version = 1;
    if (version > key.latestVersion) {
      throw new VaultApiError(
        400,
        `cannot set min decryption version of ${version}, latest key version is ${key.latestVersion}`,
      );
    }
    if (version < key.minAvailableVersion) {
      throw new VaultApiError(
        400,
        `min decryption version should not be less then min available version (${key.minAvailableVersion})`,
      );
    }
    key.minDecryptionVersion = version;
  }
  if (body.deletion_allowed !== undefined) key.deletionAllowed = body.deletion_allowed === true;
}

function trimKey(key: TransitKey, body: Json): void {
  if (body.min_available_version === undefined) throw new VaultApiError(400, 'missing min_available_version');
  const version = Number(body.min_available_version);
  if (!Number.isInteger(version) || version <= 0)
    throw new VaultApiError(400, 'minimum available version should be positive');
  if (version < key.minAvailableVersion)
    throw new VaultApiError(400, 'minimum available version cannot be decremented');
  if (version > key.minDecryptionVersion) {
    throw new VaultApiError(400, 'minimum available version should not be greater than minimum decryption version');
  }
  for (const existing of [...key.versions.keys()]) if (existing < version) key.versions.delete(existing);
  key.minAvailableVersion = version;
}

function encrypt(key: TransitKey, plaintext: Buffer): string {
  // Trimming never goes past the minimum decryption version, so the latest version always exists.
  const latest = key.versions.get(key.latestVersion);
  if (!latest) throw new VaultApiError(500, 'internal error');
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', latest.key, nonce);
  const body = Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `vault:v${key.latestVersion}:${body.toString('base64')}`;
}

function decrypt(key: TransitKey, ciphertext: unknown): Buffer {
  if (typeof ciphertext !== 'string' || !ciphertext) throw new VaultApiError(400, 'missing ciphertext to decrypt');
  const match = CIPHERTEXT_PATTERN.exec(ciphertext);
  if (!match) throw new VaultApiError(400, 'invalid ciphertext: no prefix');
  const version = Number(match[1]);
  if (version > key.latestVersion) throw new VaultApiError(400, 'invalid ciphertext: version is too new');
  if (version < key.minDecryptionVersion) {
    throw new VaultApiError(400, 'ciphertext or signature version is disallowed by policy (too old)');
  }
  const material = key.versions.get(version);
  if (!material) throw new VaultApiError(400, 'invalid ciphertext: key version not found');
  const sealed = Buffer.from(match[2], 'base64');
  if (sealed.length < GCM_NONCE_BYTES + 16) throw new VaultApiError(400, 'invalid ciphertext: could not decode base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', material.key, sealed.subarray(0, GCM_NONCE_BYTES));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(GCM_NONCE_BYTES, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new VaultApiError(400, 'cipher: message authentication failed');
  }
}

function versionMetadata(entry: KvEntry): Json {
  return {
    created_time: entry.createdTime,
    custom_metadata: null,
    deletion_time: '',
    destroyed: false,
    version: entry.version,
  };
}

function authBlock(token: Token, leaseDuration: number): Json {
  return {
    client_token: token.id,
    accessor: token.accessor,
    policies: token.policies,
    token_policies: token.policies,
    metadata: token.meta,
    lease_duration: leaseDuration,
    renewable: true,
    entity_id: '',
    token_type: 'service',
    orphan: true,
    mfa_requirement: null,
    num_uses: 0,
  };
}

function mountInfo(type: string, options: Json | null = null): Json {
  return { accessor: `${type}_standin`, config: {}, description: '', local: false, options, seal_wrap: false, type };
}

function envelope(data: unknown): Json {
  return {
    request_id: randomUUID(),
    lease_id: '',
    renewable: false,
    lease_duration: 0,
    data,
    wrap_info: null,
    warnings: null,
    auth: null,
  };
}

/** Vault's 200 answer; some sys endpoints also repeat `data` at the top level (`legacy`). */
function ok(data: unknown, legacy: Json = {}): Reply {
  return { status: 200, body: { ...legacy, ...envelope(data) } };
}

function noHandler(path: string): VaultApiError {
  return new VaultApiError(404, `no handler for route "${path}". route entry not found.`);
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value) return value.split(',').map((item) => item.trim());
  return [];
}

async function readJson(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Json;
  } catch {
    // Answered below, as Vault does.
  }
  throw new VaultApiError(400, 'failed to parse JSON input');
}
