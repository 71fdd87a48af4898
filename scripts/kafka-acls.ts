/**
 * The Kafka ACLs of the Candor services, derived from the event catalogue (libs/messaging kafka-acls): each
 * service may write only the topics it owns (and its dead-letter topic), read only the topics it consumes, and use
 * only its own consumer group. scripts/infra.sh applies them to the local broker; run it yourself for your own
 * Kafka (its authorizer on, `allow.everyone.if.no.acl.found=false`, one SASL user per service).
 *
 *   npx ts-node-transpile-only -r tsconfig-paths/register scripts/kafka-acls.ts show   [--namespace <ns>]
 *   npx ts-node-transpile-only -r tsconfig-paths/register scripts/kafka-acls.ts apply  [--namespace <ns>]
 *   npx ts-node-transpile-only -r tsconfig-paths/register scripts/kafka-acls.ts remove [--namespace <ns>]
 *
 * `show` prints the table without a broker. `apply` and `remove` log in as an administrator:
 *   KAFKA_BROKERS, KAFKA_TLS (true/false), KAFKA_TLS_CA_FILE, KAFKA_SASL_MECHANISM (scram-sha-512, …),
 *   CANDOR_KAFKA_ADMIN_USERNAME / CANDOR_KAFKA_ADMIN_PASSWORD (or KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD).
 * The principal of a service is `User:<service>`, or `User:$CANDOR_KAFKA_USERNAME_<SERVICE>` when set (e.g.
 * CANDOR_KAFKA_USERNAME_BOT_ENGINE=candor-bot). The namespace is the services' KAFKA_NAMESPACE (empty by default).
 */
import { Kafka, logLevel } from 'kafkajs';
import {
  applyServiceAcls,
  formatServiceAcls,
  removeServiceAcls,
  serviceAcls,
} from '../libs/messaging/src/kafka/kafka-acls';
import { kafkaConnectionOptions, kafkaSecurityFromEnvironment } from '../libs/messaging/src/kafka/kafka-security';
import { kafkaUsername } from '../libs/testing/src/kafka-principals';

const USAGE = 'usage: scripts/kafka-acls.ts show|apply|remove [--namespace <ns>]';

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  let namespace = '';
  for (let index = 0; index < rest.length; index++) {
    if (rest[index] === '--namespace' && rest[index + 1] !== undefined) namespace = rest[++index];
    else throw new Error(USAGE);
  }
  const principalOf = (service: string) => `User:${kafkaUsername(service)}`;
  if (command === 'show') {
    process.stdout.write(`${formatServiceAcls(serviceAcls(namespace, principalOf))}\n`);
    return;
  }
  if (command !== 'apply' && command !== 'remove') throw new Error(USAGE);

  const env = process.env;
  const brokers = env.KAFKA_BROKERS?.split(',');
  if (!brokers) throw new Error('KAFKA_BROKERS is not set (locally: eval "$(bash scripts/infra.sh env)")');
  const security = kafkaSecurityFromEnvironment({
    ...env,
    KAFKA_SASL_USERNAME: env.CANDOR_KAFKA_ADMIN_USERNAME || env.KAFKA_SASL_USERNAME,
    KAFKA_SASL_PASSWORD: env.CANDOR_KAFKA_ADMIN_PASSWORD || env.KAFKA_SASL_PASSWORD,
  });
  const kafka = new Kafka({
    clientId: 'candor-kafka-acls',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 5 },
    ...kafkaConnectionOptions(security),
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const where = namespace ? `namespace ${namespace}` : 'the empty namespace';
    if (command === 'apply') {
      const acls = await applyServiceAcls(admin, namespace, principalOf);
      process.stderr.write(`[kafka-acls] ${acls.length} ACLs of the services in ${where} are in place\n`);
    } else {
      const removed = await removeServiceAcls(admin, namespace, principalOf);
      process.stderr.write(`[kafka-acls] removed ${removed} ACLs of the services in ${where}\n`);
    }
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[kafka-acls] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
