import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConfig, SASLOptions } from 'kafkajs';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain', 'none'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** How a client proves who it is to the brokers, and how it checks who they are. */
export interface KafkaSecuritySettings {
  /** TLS to the brokers. */
  tls: boolean;
  /** PEM file of the CA(s) the brokers' certificates are checked against; the system's CAs when absent. */
  tlsCaFile?: string;
  /** SASL login; none when absent. */
  sasl?: { mechanism: Exclude<KafkaSaslMechanism, 'none'>; username: string; password: string };
}

export const NO_KAFKA_SECURITY: KafkaSecuritySettings = { tls: false };

/**
 * The kafkajs `ssl` and `sasl` options of every Candor client (producers, consumers, admins, test and bench
 * clients alike). The CA file is read here, so a wrong path stops the service at start with its name.
 */
export function kafkaConnectionOptions(security: KafkaSecuritySettings): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const options: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (security.tlsCaFile && !security.tls) {
    throw new Error('KAFKA_TLS_CA_FILE is set but KAFKA_TLS is not true: set KAFKA_TLS=true to connect over TLS');
  }
  if (security.tls) {
    options.ssl = security.tlsCaFile ? ({ ca: [readCa(security.tlsCaFile)] } satisfies ConnectionOptions) : true;
  }
  if (security.sasl) {
    const { mechanism, username, password } = security.sasl;
    if (!username || !password) {
      throw new Error(`Kafka SASL mechanism ${mechanism} needs a username and a password`);
    }
    options.sasl = { mechanism, username, password } as SASLOptions;
  }
  return options;
}

/**
 * Reads the settings from variables named like a service's configuration (KAFKA_TLS, KAFKA_TLS_CA_FILE,
 * KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD), for clients that have no validated
 * configuration class: scripts, tests and benchmarks. Services read them through their configuration.
 */
export function kafkaSecurityFromEnvironment(env: Record<string, string | undefined>): KafkaSecuritySettings {
  const tls = /^(1|true|yes|on)$/i.test(env.KAFKA_TLS ?? '');
  const mechanism = (env.KAFKA_SASL_MECHANISM || 'none').toLowerCase();
  if (!(KAFKA_SASL_MECHANISMS as readonly string[]).includes(mechanism)) {
    throw new Error(`KAFKA_SASL_MECHANISM must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}`);
  }
  const settings: KafkaSecuritySettings = {
    tls,
    ...(env.KAFKA_TLS_CA_FILE ? { tlsCaFile: env.KAFKA_TLS_CA_FILE } : {}),
  };
  if (mechanism === 'none') return settings;
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = env;
  if (!username || !password) {
    throw new Error(`KAFKA_SASL_MECHANISM is ${mechanism}: KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required`);
  }
  return { ...settings, sasl: { mechanism: mechanism as Exclude<KafkaSaslMechanism, 'none'>, username, password } };
}

function readCa(path: string): Buffer {
  let ca: Buffer;
  try {
    ca = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`KAFKA_TLS_CA_FILE ${path} cannot be read (${reason})`);
  }
  if (!ca.toString('utf8').includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error(`KAFKA_TLS_CA_FILE ${path} holds no PEM certificate`);
  }
  return ca;
}
