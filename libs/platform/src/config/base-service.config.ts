import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Secret } from './secret.decorator';

// Reads the raw variable: implicit conversion would already have turned "false" into true.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  if (typeof raw !== 'string') return raw;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  return raw;
};

/** Settings every Candor service shares; each service extends it with its own. */
export abstract class BaseServiceConfig {
  /** Read by libraries (Express among them); Candor's own behaviour does not depend on it. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  /** Interface the HTTP server binds to; 0.0.0.0 inside containers. */
  @IsString()
  @Matches(/^[0-9a-fA-F.:]+$/, { message: 'must be an IP address' })
  HOST: string = '127.0.0.1';

  /** HTTP port of the service: 4101 conversation, 4102 bot-engine, 4103 handoff, 4104 consent-ledger, 4105 dsr. */
  @IsInt()
  @Min(0)
  @Max(65535)
  abstract PORT: number;

  /**
   * `postgres://…` of the service's own role: it owns nothing, and its migrations grant it its own schema only.
   * @example postgres://candor_conversation:candor_conversation@127.0.0.1:55432/candor
   */
  @Secret()
  @IsString()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string;

  /**
   * The role that owns the service's schema, for migrations only (defaults to DATABASE_URL). Given, the service
   * runs as DATABASE_URL's role, which migrations grant only what it needs: it cannot undo append-only tables.
   * @example postgres://candor:candor@127.0.0.1:55432/candor
   */
  @Secret()
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  MIGRATIONS_DATABASE_URL: string;

  /**
   * The Kafka brokers, `host:port[,host:port…]`.
   * @example 127.0.0.1:59092
   */
  @IsString()
  @Matches(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, { message: 'must be host:port[,host:port…]' })
  KAFKA_BROKERS: string;

  /** Optional prefix for every topic and consumer group, to share one cluster between environments. */
  @IsString()
  @Matches(/^([a-z0-9][a-z0-9-]{0,39})?$/, { message: 'must be empty or lower-case letters, digits, dashes' })
  KAFKA_NAMESPACE: string = '';

  /** Partitions of the topics a service creates. */
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS: number = 3;

  /** How the service logs in to Kafka, as its own principal (which the broker's ACLs name); `none`: no login. */
  @IsIn(['scram-sha-512', 'scram-sha-256', 'plain', 'none'])
  KAFKA_SASL_MECHANISM: string = 'none';

  /** The service's own Kafka login (the principal its ACLs name); required with a mechanism. */
  @ValidateIf((config: BaseServiceConfig) => config.KAFKA_SASL_MECHANISM !== 'none')
  @IsString({ message: 'is required when KAFKA_SASL_MECHANISM is not none' })
  KAFKA_SASL_USERNAME: string;

  /** Password of that login; required with a mechanism. */
  @Secret()
  @ValidateIf((config: BaseServiceConfig) => config.KAFKA_SASL_MECHANISM !== 'none')
  @IsString({ message: 'is required when KAFKA_SASL_MECHANISM is not none' })
  KAFKA_SASL_PASSWORD: string;

  /** TLS to the brokers (their certificates checked against KAFKA_TLS_CA_FILE, or the system's CAs). */
  @Transform(toBoolean)
  @IsBoolean()
  KAFKA_TLS: boolean = false;

  /** PEM file of the CA that signed the brokers' certificates (the local broker's: .candor/kafka/tls/ca.pem). */
  @IsOptional()
  @IsString()
  KAFKA_TLS_CA_FILE: string;

  /** Attempts of a failing handler before its event is dead-lettered. */
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS: number = 5;

  /** First pause between attempts; it doubles up to CONSUMER_RETRY_MAX_MS. */
  @IsInt()
  @Min(1)
  CONSUMER_RETRY_BASE_MS: number = 200;

  /** Kept under the consumer session timeout (30 s): a longer sleep would get the consumer evicted. */
  @IsInt()
  @Min(1)
  @Max(20_000)
  CONSUMER_RETRY_MAX_MS: number = 10_000;

  /** Partitions handled in parallel (order is kept within each). */
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_CONCURRENT_PARTITIONS: number = 3;

  /**
   * A record whose handling was started this many times and never finished (the process died, or hung until
   * it lost its partition) is dead-lettered on its next delivery instead of being handled again.
   */
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_CRASHES: number = 2;

  /** A handler still running after this long fails (retried, then dead-lettered); kept under the 30 s session. */
  @IsInt()
  @Min(100)
  @Max(29_000)
  CONSUMER_HANDLER_TIMEOUT_MS: number = 25_000;

  /** The relay's safety-net poll (LISTEN/NOTIFY wakes it at once). */
  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS: number = 1_000;

  /** Published outbox rows are deleted after this. */
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_HOURS: number = 72;

  /** Run pending migrations at start; `false`: run `npx nx run <service>:migrate` before a rollout. */
  @Transform(toBoolean)
  @IsBoolean()
  RUN_MIGRATIONS: boolean = true;

  /** `fatal`, `error`, `warn`, `info`, `debug` or `trace`. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Append JSON logs to this file instead of writing them to stdout. */
  @IsOptional()
  @IsString()
  LOG_FILE: string;

  /** Largest accepted request body, in bytes. */
  @IsInt()
  @Min(1024)
  HTTP_BODY_LIMIT_BYTES: number = 65_536;

  /** Requests one API key may make per minute to this service (all instances together); beyond, 429. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_API_KEY_PER_MINUTE: number = 6_000;

  /** Requests one visitor token (one conversation) may make per minute to this service; beyond, 429. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_VISITOR_PER_MINUTE: number = 600;

  /**
   * Trust `X-Forwarded-For` from this many proxies in front of the service (the ingress), so per-address
   * limits see the client's address rather than the proxy's. 0: use the connection's address.
   */
  @IsInt()
  @Min(0)
  @Max(10)
  HTTP_TRUSTED_PROXIES: number = 0;

  /** A request (headers and body) not received in full by then is answered 408 and its connection closed. */
  @IsInt()
  @Min(1_000)
  @Max(300_000)
  HTTP_REQUEST_TIMEOUT_MS: number = 30_000;

  /** How long readiness reports "draining" before the service stops, so load balancers stop routing to it. */
  @IsInt()
  @Min(0)
  SHUTDOWN_DRAIN_MS: number = 0;

  /** Postgres connections per instance. */
  @IsInt()
  @Min(1)
  DATABASE_POOL_SIZE: number = 10;

  /** Where keys live: `vault` (Transit + KV v2) or `local` (a master key and a key store in Postgres). */
  @IsIn(['local', 'vault'])
  KEY_PROVIDER: string = 'local';

  /**
   * Local provider (the default): the 32-byte master key, base64 (`openssl rand -base64 32`), or
   * LOCAL_MASTER_KEY_FILE. Keep it out of the database and its backups.
   * @requiredByDefault
   */
  @Secret()
  @ValidateIf((config: BaseServiceConfig) => config.KEY_PROVIDER === 'local' && !config.LOCAL_MASTER_KEY_FILE)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (openssl rand -base64 32)' })
  LOCAL_MASTER_KEY: string;

  /** Local provider: a file holding the master key (base64), instead of LOCAL_MASTER_KEY. */
  @IsOptional()
  @IsString()
  LOCAL_MASTER_KEY_FILE: string;

  /**
   * Local provider: the Postgres role of the key store (schema `keystore`), shared by every service of the
   * deployment while each service's own role reads only its own schema. Defaults to DATABASE_URL (one role for all).
   */
  @Secret()
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  LOCAL_KEYSTORE_DATABASE_URL: string;

  /** With `vault`: Vault's `http(s)://` address. */
  @ValidateIf((config: BaseServiceConfig) => config.KEY_PROVIDER === 'vault')
  @Matches(/^https?:\/\/\S+$/, { message: 'must be the http(s) URL of Vault' })
  VAULT_ADDR: string;

  /** With `vault`: how the service logs in, `token`, `approle` or `kubernetes`. */
  @IsIn(['token', 'approle', 'kubernetes'])
  VAULT_AUTH_METHOD: string = 'token';

  /** With `vault` and `token`: the token (renewed before it expires). */
  @Secret()
  @ValidateIf((config: BaseServiceConfig) => config.KEY_PROVIDER === 'vault' && config.VAULT_AUTH_METHOD === 'token')
  @IsString()
  VAULT_TOKEN: string;

  /** With `vault` and `approle`: the service's role id. */
  @ValidateIf((config: BaseServiceConfig) => config.KEY_PROVIDER === 'vault' && config.VAULT_AUTH_METHOD === 'approle')
  @IsString()
  VAULT_APPROLE_ROLE_ID: string;

  /** With `vault` and `approle`: the service's secret id. */
  @Secret()
  @ValidateIf((config: BaseServiceConfig) => config.KEY_PROVIDER === 'vault' && config.VAULT_AUTH_METHOD === 'approle')
  @IsString()
  VAULT_APPROLE_SECRET_ID: string;

  /** With `vault` and `kubernetes`: the Vault role bound to the pod's service account. */
  @ValidateIf(
    (config: BaseServiceConfig) => config.KEY_PROVIDER === 'vault' && config.VAULT_AUTH_METHOD === 'kubernetes',
  )
  @IsString()
  VAULT_KUBERNETES_ROLE: string;

  /** With `vault` and `kubernetes`: where the service-account token is read. */
  @IsString()
  VAULT_KUBERNETES_JWT_PATH: string = '/var/run/secrets/kubernetes.io/serviceaccount/token';

  /** Mount of the auth method (approle or kubernetes), when not the default path. */
  @IsOptional()
  @IsString()
  VAULT_AUTH_MOUNT: string;

  /** With `vault`: mount of the Transit engine holding the tenants' key-encryption keys. */
  @IsString()
  VAULT_TRANSIT_MOUNT: string = 'candor-transit';

  /** With `vault`: mount of the KV v2 engine holding wrapped subject keys. */
  @IsString()
  VAULT_KV_MOUNT: string = 'candor-kv';

  /** With `vault`: the Vault Enterprise / OpenBao namespace, if any. */
  @IsOptional()
  @IsString()
  VAULT_NAMESPACE: string;

  /** How long an unwrapped data key stays in memory; short, so erasures and outages bite quickly. */
  @IsInt()
  @Min(1_000)
  @Max(15 * 60_000)
  KEY_CACHE_TTL_MS: number = 60_000;

  /** Unwrapped data keys kept in memory at most. */
  @IsInt()
  @Min(10)
  KEY_CACHE_MAX_ENTRIES: number = 10_000;
}
