export type VaultAuth =
  | { method: 'token'; token: string }
  | { method: 'approle'; mount: string; roleId: string; secretId: string }
  /** `jwtPath`: the pod's service-account token, read again at every login (Kubernetes rotates it). */
  | { method: 'kubernetes'; mount: string; role: string; jwtPath: string };

export interface VaultSettings {
  /** e.g. `https://vault.example.com:8200` */
  address: string;
  /** Vault Enterprise / OpenBao namespace, sent as `X-Vault-Namespace`. */
  namespace?: string;
  /** Where the Transit engine holding the tenants' keys is mounted. */
  transitMount: string;
  /** Where the KV v2 engine holding the subjects' wrapped data keys is mounted. */
  kvMount: string;
  auth: VaultAuth;
  requestTimeoutMs: number;
}

/** The defaults `infra/vault/setup.sh` and the Vault documentation use. */
export const VAULT_DEFAULTS = {
  transitMount: 'candor-transit',
  kvMount: 'candor-kv',
  approleMount: 'approle',
  kubernetesMount: 'kubernetes',
  kubernetesJwtPath: '/var/run/secrets/kubernetes.io/serviceaccount/token',
  requestTimeoutMs: 5_000,
} as const;
