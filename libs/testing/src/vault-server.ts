import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The services that log in to Vault, each with an AppRole `candor-<service>` bound to its own policy. */
export const VAULT_SERVICES = ['conversation', 'bot-engine', 'handoff', 'consent-ledger', 'dsr'] as const;
export type VaultServiceName = (typeof VAULT_SERVICES)[number];

export interface AppRoleCredentials {
  roleId: string;
  secretId: string;
}

const VAULT_SCRIPT = join(__dirname, '../../../scripts/vault.sh');

const NOT_RUNNING =
  'These tests need the real Vault server, which `npm test` starts once it has been built: ' +
  'run `bash scripts/vault.sh build` (about 20 minutes, once; the binary is cached), then `npm test`. ' +
  'By hand: `bash scripts/vault.sh up && eval "$(bash scripts/vault.sh env)"` before `npx jest`.';

/**
 * A real Vault server prepared by `scripts/vault.sh` (Transit, KV v2, the shipped policies of
 * infra/vault/policies and one AppRole per service, by infra/vault/setup.sh).
 */
export class TestVault {
  protected constructor(
    readonly address: string,
    readonly rootToken: string,
    private readonly credentials: ReadonlyMap<VaultServiceName, AppRoleCredentials>,
  ) {}

  /**
   * The server `npm test` runs for every suite (VAULT_ADDR and the credentials of `scripts/vault.sh env`).
   * Never seal it: suites running alongside use it. Throws, saying how to get one, when there is none.
   */
  static shared(environment: NodeJS.ProcessEnv = process.env): TestVault {
    const vault = TestVault.fromEnvironment(environment);
    if (!vault) throw new Error(NOT_RUNNING);
    return vault;
  }

  /** Whether `npm test` runs a Vault for this test run. */
  static isAvailable(environment: NodeJS.ProcessEnv = process.env): boolean {
    return TestVault.fromEnvironment(environment) !== undefined;
  }

  protected static fromEnvironment(environment: NodeJS.ProcessEnv): TestVault | undefined {
    const address = environment.VAULT_ADDR;
    const rootToken = environment.CANDOR_VAULT_ROOT_TOKEN;
    if (!address || !rootToken) return undefined;
    const credentials = new Map<VaultServiceName, AppRoleCredentials>();
    for (const service of VAULT_SERVICES) {
      const suffix = service.toUpperCase().replace(/-/g, '_');
      const roleId = environment[`CANDOR_VAULT_ROLE_ID_${suffix}`];
      const secretId = environment[`CANDOR_VAULT_SECRET_ID_${suffix}`];
      if (!roleId || !secretId) return undefined;
      credentials.set(service, { roleId, secretId });
    }
    return new TestVault(address, rootToken, credentials);
  }

  /** The AppRole `candor-<service>` (its role_id and a secret_id), under the policy `candor-<service>`. */
  appRole(service: VaultServiceName): AppRoleCredentials {
    const credentials = this.credentials.get(service);
    if (!credentials) throw new Error(`No AppRole for ${service}`);
    return credentials;
  }

  /** What a service's configuration needs to keep its keys in this Vault, logged in with its own AppRole. */
  serviceEnvironment(service: VaultServiceName): Record<string, string> {
    const { roleId, secretId } = this.appRole(service);
    return {
      KEY_PROVIDER: 'vault',
      VAULT_ADDR: this.address,
      VAULT_AUTH_METHOD: 'approle',
      VAULT_APPROLE_ROLE_ID: roleId,
      VAULT_APPROLE_SECRET_ID: secretId,
    };
  }

  /** A call with the root token: for arranging what a test needs, never for what a service does. */
  async api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.address}/v1/${path}`, {
      method,
      headers: { 'X-Vault-Token': this.rootToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
}

/**
 * The Vault environment of one service for the test stacks: its own AppRole on the shared server when
 * `npm test` runs one, nothing otherwise (the services then keep the local key provider).
 */
export function vaultEnvironmentFor(service: VaultServiceName): Record<string, string> {
  return TestVault.isAvailable() ? TestVault.shared().serviceEnvironment(service) : {};
}

/**
 * A second real Vault server of a suite's own (own folder, own port), started, initialised, unsealed
 * and prepared by `scripts/vault.sh up` as the shared one is. Sealing or stopping it affects no other
 * suite, so fail-closed tests run alongside the others.
 */
export class PrivateTestVault extends TestVault {
  private constructor(
    address: string,
    rootToken: string,
    credentials: ReadonlyMap<VaultServiceName, AppRoleCredentials>,
    private readonly environment: NodeJS.ProcessEnv,
    readonly directory: string,
  ) {
    super(address, rootToken, credentials);
  }

  static async start(): Promise<PrivateTestVault> {
    const found = await promisify(execFile)('bash', [VAULT_SCRIPT, 'path']).catch(() => undefined);
    if (!found) throw new Error(NOT_RUNNING);
    const directory = await mkdtemp(join(tmpdir(), 'candor-vault-'));
    const environment = { ...process.env, CANDOR_VAULT_DIR: directory, CANDOR_VAULT_PORT: String(await freePort()) };
    try {
      await script(environment, 'up');
      const variables = await readEnvFile(join(directory, 'env'));
      variables.VAULT_ADDR = `http://127.0.0.1:${environment.CANDOR_VAULT_PORT}`;
      const vault = TestVault.fromEnvironment(variables);
      if (!vault) throw new Error(`scripts/vault.sh up wrote no credentials to ${directory}/env`);
      const credentials = new Map(VAULT_SERVICES.map((service) => [service, vault.appRole(service)]));
      return new PrivateTestVault(vault.address, vault.rootToken, credentials, environment, directory);
    } catch (error) {
      await script(environment, 'reset').catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
      throw error;
    }
  }

  /** `sys/seal` with the root token: every call but sys/health answers 503 until `unseal()`. */
  async seal(): Promise<void> {
    await script(this.environment, 'seal');
  }

  async unseal(): Promise<void> {
    await script(this.environment, 'unseal');
  }

  /** Stops the server process (SIGTERM); `start()` brings it back, sealed, and unseals it. */
  async stop(): Promise<void> {
    await script(this.environment, 'down');
  }

  async restart(): Promise<void> {
    await script(this.environment, 'up');
  }

  /** Stops the server and deletes its data. */
  async destroy(): Promise<void> {
    try {
      await script(this.environment, 'reset');
    } finally {
      await rm(this.directory, { recursive: true, force: true });
    }
  }
}

async function script(environment: NodeJS.ProcessEnv, command: string): Promise<void> {
  try {
    await promisify(execFile)('bash', [VAULT_SCRIPT, command], { env: environment, timeout: 120_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`scripts/vault.sh ${command} failed: ${stderr.trim().split('\n').slice(-5).join('\n')}`);
  }
}

/** `export NAME=value` lines, as scripts/vault.sh writes them. */
async function readEnvFile(path: string): Promise<NodeJS.ProcessEnv> {
  const variables: NodeJS.ProcessEnv = {};
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    const match = /^export ([A-Z0-9_]+)=(\S+)$/.exec(line.trim());
    if (match) variables[match[1]] = match[2];
  }
  return variables;
}

/** A port nothing listens on now (the server takes it a moment later; a clash fails loudly in `up`). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
