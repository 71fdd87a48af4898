import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaConnectionOptions, kafkaSecurityFromEnvironment } from './kafka-security';

describe('Kafka client security options', () => {
  let directory: string;
  beforeAll(() => (directory = mkdtempSync(join(tmpdir(), 'candor-kafka-ca-'))));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('connects in the clear without a login by default', () => {
    expect(kafkaConnectionOptions(kafkaSecurityFromEnvironment({}))).toEqual({});
  });

  it('trusts the given CA and logs in with the given SCRAM credentials', () => {
    const caFile = join(directory, 'ca.pem');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const options = kafkaConnectionOptions(
      kafkaSecurityFromEnvironment({
        KAFKA_TLS: 'true',
        KAFKA_TLS_CA_FILE: caFile,
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        KAFKA_SASL_USERNAME: 'bot-engine',
        KAFKA_SASL_PASSWORD: 'secret',
      }),
    );
    expect(options.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'bot-engine', password: 'secret' });
    expect((options.ssl as { ca: Buffer[] }).ca[0].toString()).toContain('BEGIN CERTIFICATE');
    expect(kafkaConnectionOptions({ tls: true }).ssl).toBe(true);
  });

  it('fails fast on a mechanism without credentials, an unknown mechanism, or an unusable CA file', () => {
    expect(() => kafkaSecurityFromEnvironment({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'x' })).toThrow(
      /KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required/,
    );
    expect(() => kafkaSecurityFromEnvironment({ KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(/KAFKA_SASL_MECHANISM/);
    expect(() => kafkaConnectionOptions({ tls: true, tlsCaFile: join(directory, 'missing.pem') })).toThrow(
      /KAFKA_TLS_CA_FILE .*missing\.pem cannot be read \(ENOENT\)/,
    );
    const notPem = join(directory, 'not.pem');
    writeFileSync(notPem, 'hello');
    expect(() => kafkaConnectionOptions({ tls: true, tlsCaFile: notPem })).toThrow(/holds no PEM certificate/);
    expect(() => kafkaConnectionOptions({ tls: false, tlsCaFile: notPem })).toThrow(/KAFKA_TLS is not true/);
  });
});
