/**
 * Who a test or benchmark client logs in to Kafka as. `bash scripts/infra.sh env` exports how to reach the local
 * broker (KAFKA_TLS, KAFKA_TLS_CA_FILE, KAFKA_SASL_MECHANISM), the admin's login (CANDOR_KAFKA_ADMIN_USERNAME and
 * _PASSWORD: the tests' raw client, ACLs) and each service's password (CANDOR_KAFKA_PASSWORD_<SERVICE>, e.g.
 * CANDOR_KAFKA_PASSWORD_BOT_ENGINE; the username is the service's name unless CANDOR_KAFKA_USERNAME_<SERVICE> says
 * otherwise). With an external Kafka the operator sets the same variables. No imports: benchmarks load this file
 * without the workspace's path aliases.
 */

/** Whether the brokers ask for a SASL login (and so, locally, enforce ACLs). */
export function kafkaRequiresLogin(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_MECHANISM.toLowerCase() !== 'none';
}

/** The SASL username of a service (or `admin`). */
export function kafkaUsername(principal: string, env: NodeJS.ProcessEnv = process.env): string {
  if (principal === 'admin') return env.CANDOR_KAFKA_ADMIN_USERNAME || 'admin';
  return env[`CANDOR_KAFKA_USERNAME_${variableSuffix(principal)}`] || principal;
}

/**
 * The KAFKA_* variables a client of this principal (a service's name, or `admin`) needs: TLS settings and, when
 * the brokers ask for a login, its SASL username and password. What a service under test is started with.
 */
export function kafkaEnvironmentOf(principal: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const name of ['KAFKA_TLS', 'KAFKA_TLS_CA_FILE', 'KAFKA_SASL_MECHANISM']) {
    const value = env[name];
    if (value) environment[name] = value;
  }
  if (!kafkaRequiresLogin(env)) return environment;
  const passwordVariable =
    principal === 'admin' ? 'CANDOR_KAFKA_ADMIN_PASSWORD' : `CANDOR_KAFKA_PASSWORD_${variableSuffix(principal)}`;
  const password = env[passwordVariable];
  if (!password) {
    throw new Error(
      `KAFKA_SASL_MECHANISM is ${env.KAFKA_SASL_MECHANISM} but ${passwordVariable} is not set: ` +
        'run `eval "$(bash scripts/infra.sh env)"` (or set the credentials of your own Kafka)',
    );
  }
  environment.KAFKA_SASL_USERNAME = kafkaUsername(principal, env);
  environment.KAFKA_SASL_PASSWORD = password;
  return environment;
}

function variableSuffix(service: string): string {
  return service.toUpperCase().replace(/-/g, '_');
}
