import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { BaseServiceConfig } from './base-service.config';
import { ConfigurationError, loadConfig } from './load-config';
import { Secret, redactedConfig } from './secret.decorator';

class ExampleConfig extends BaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 4999;

  @Secret()
  @IsString()
  @MinLength(32)
  SIGNING_SECRET: string;
}

const required = {
  DATABASE_URL: 'postgres://user:pw@127.0.0.1:5432/db',
  KAFKA_BROKERS: '127.0.0.1:9092',
  SIGNING_SECRET: 's'.repeat(32),
  LOCAL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('loadConfig', () => {
  it('applies defaults and converts types from the environment', () => {
    const config = loadConfig(ExampleConfig, { ...required, PORT: '4123', RUN_MIGRATIONS: 'false' });
    expect(config.PORT).toBe(4123);
    expect(config.RUN_MIGRATIONS).toBe(false);
    expect(config.KAFKA_TOPIC_PARTITIONS).toBe(3);
  });

  it('names every bad or missing variable, without echoing values', () => {
    try {
      loadConfig(ExampleConfig, { PORT: 'eighty', KAFKA_BROKERS: 'not a broker list', SIGNING_SECRET: 'short-secret' });
      throw new Error('expected a configuration error');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const problems = (error as ConfigurationError).problems.join('\n');
      for (const variable of ['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'SIGNING_SECRET']) {
        expect(problems).toContain(`${variable}:`);
      }
      expect(problems).not.toContain('short-secret');
    }
  });

  it('requires the settings of the chosen key provider only', () => {
    const withoutMasterKey: Record<string, string> = { ...required };
    delete withoutMasterKey.LOCAL_MASTER_KEY;
    expect(() => loadConfig(ExampleConfig, withoutMasterKey)).toThrow(/LOCAL_MASTER_KEY/);
    expect(() => loadConfig(ExampleConfig, { ...withoutMasterKey, KEY_PROVIDER: 'vault' })).toThrow(/VAULT_ADDR/);
    const vault = loadConfig(ExampleConfig, {
      ...withoutMasterKey,
      KEY_PROVIDER: 'vault',
      VAULT_ADDR: 'https://vault.internal:8200',
      VAULT_AUTH_METHOD: 'approle',
      VAULT_APPROLE_ROLE_ID: 'role',
      VAULT_APPROLE_SECRET_ID: 'secret',
    });
    expect(vault.VAULT_TRANSIT_MOUNT).toBe('candor-transit');
  });

  it('requires a Kafka username and password once a SASL mechanism is chosen, and masks the password', () => {
    expect(loadConfig(ExampleConfig, required).KAFKA_SASL_MECHANISM).toBe('none');
    expect(() => loadConfig(ExampleConfig, { ...required, KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(
      /KAFKA_SASL_USERNAME: is required when KAFKA_SASL_MECHANISM is not none[\s\S]*KAFKA_SASL_PASSWORD: is required/,
    );
    expect(() => loadConfig(ExampleConfig, { ...required, KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(
      /KAFKA_SASL_MECHANISM/,
    );
    const config = loadConfig(ExampleConfig, {
      ...required,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'bot-engine',
      KAFKA_SASL_PASSWORD: 'kafka-password',
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: '/etc/candor/kafka-ca.pem',
    });
    expect(config.KAFKA_TLS).toBe(true);
    const logged = redactedConfig(config);
    expect(logged.KAFKA_SASL_USERNAME).toBe('bot-engine');
    expect(logged.KAFKA_SASL_PASSWORD).toBe('***');
  });

  it('masks secrets when the configuration is logged', () => {
    const config = loadConfig(ExampleConfig, required);
    const logged = redactedConfig(config);
    expect(logged.SIGNING_SECRET).toBe('***');
    expect(logged.DATABASE_URL).toBe('***');
    expect(logged.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(logged.LOCAL_MASTER_KEY).toBe('***');
  });

  it('refuses the committed .env.example as it is: its secrets are placeholders to fill in', () => {
    const example = Object.fromEntries(
      readFileSync(join(__dirname, '../../../../.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    // The file was read, and its secrets are the empty placeholders a user must fill in.
    expect([example.DATABASE_URL, example.LOCAL_MASTER_KEY, example.BOOTSTRAP_API_KEY]).toEqual([
      expect.stringMatching(/^postgres:\/\//),
      '',
      '',
    ]);
    try {
      loadConfig(ExampleConfig, { ...example, SIGNING_SECRET: 's'.repeat(32) });
      throw new Error('expected a configuration error');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).problems.join('\n')).toContain('LOCAL_MASTER_KEY');
    }
  });
});
