/**
 * Foundation benchmark (issue 2): Candor's first path against the raw floor,
 * plus each service's memory. A script that prints figures, never a test.
 *
 *   bash scripts/infra.sh up && eval "$(bash scripts/infra.sh env)"
 *   npm run bench -- --conversations 200 --messages-per-conversation 10
 *
 * Phases, all on loopback, in a fresh database and Kafka namespace per run:
 *   1. raw floor: plain `pg` INSERTs in autocommit, then kafkajs produce(acks=-1) -> group consumer;
 *   2. the five services as child processes from dist/ (conversation and bot-engine on the path,
 *      handoff, consent-ledger and dsr idle), their idle RSS;
 *   3. N visitors in a closed loop: POST a message, wait for the bot's reply on the WebSocket;
 *   4. peak RSS (VmHWM) and CPU of each service, then everything is stopped and removed.
 * Progress goes to stderr; the table and a `BENCH_JSON {...}` line go to stdout.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { configureFaqBot } from './bot-setup';
import { type BenchTenant, VisitorSession, createTenant } from './candor-client';
import { TestDatabase } from '../../libs/testing/src/test-infrastructure';
import { deleteNamespace, namespaceAcls } from './infrastructure';
import { type BenchOptions, parseOptions } from './options';
import { measureKafkaHops, measurePostgresCommits } from './raw-floor';
import { type ServiceFigures, printReport } from './report';
import {
  SERVICE_NAMES,
  type ServiceName,
  ServiceProcess,
  buildServices,
  BENCH_RATE_LIMITS,
  schemaOf,
} from './services';
import { describeError, mapWithConcurrency, runClosedLoop } from './stats';

const ROOT = resolve(__dirname, '..', '..');
const PATH_SERVICES: readonly ServiceName[] = ['conversation', 'bot-engine'];
/** Conversations set up at once (setup is not measured; this keeps it from swamping two cores). */
const SETUP_CONCURRENCY = 20;
/** A plain question: the sensitive-data guard scans it and finds nothing; the FAQ playbook knows its intent. */
const VISITOR_TEXT = 'Do you open on Saturdays? I would like to book a visit with someone from your team.';
const MB = 1024 * 1024;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Everything this run created, so it can be removed on success, error or Ctrl-C alike. */
class RunResources {
  readonly services: ServiceProcess[] = [];
  readonly sessions: VisitorSession[] = [];
  database: TestDatabase | undefined;
  namespace: string | undefined;
  private cleaning: Promise<void> | undefined;

  constructor(private readonly kafkaBrokers: string[]) {}

  cleanUp(): Promise<void> {
    this.cleaning ??= this.doCleanUp();
    return this.cleaning;
  }

  private async doCleanUp(): Promise<void> {
    for (const session of this.sessions) session.close();
    await Promise.all(
      this.services.map((service) =>
        service.stop().catch((error: unknown) => log(`stopping ${service.name} failed: ${describeError(error)}`)),
      ),
    );
    if (this.database) {
      await this.database
        .drop()
        .then(() => log(`dropped database ${this.database?.name}`))
        .catch((error: unknown) => log(`dropping database ${this.database?.name} failed: ${describeError(error)}`));
    }
    if (this.namespace) {
      await deleteNamespace(this.kafkaBrokers, this.namespace)
        .then(({ topics, groups }) =>
          log(`deleted ${topics} topics and ${groups} consumer groups of ${this.namespace}`),
        )
        .catch((error: unknown) => log(`deleting Kafka namespace ${this.namespace} failed: ${describeError(error)}`));
    }
  }

  /** Synchronous last resort when the process exits without cleaning up. */
  killAll(): void {
    for (const service of this.services) service.killNow();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const runId = randomBytes(4).toString('hex');
  const namespace = `bench${runId}`;
  const resources = new RunResources(options.kafkaBrokers);

  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping services and removing this run's database and topics…`);
    void resources.cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => resources.killAll());

  try {
    await run(options, runId, namespace, resources);
  } finally {
    if (!interrupted) await resources.cleanUp();
  }
}

async function run(options: BenchOptions, runId: string, namespace: string, resources: RunResources): Promise<void> {
  const phaseOptions = {
    workers: options.conversations,
    operationsPerWorker: options.messagesPerConversation,
    durationSeconds: options.durationSeconds,
    timeoutMs: options.timeoutMs,
  };

  if (options.build) {
    log('compiling apps/ and libs/ into dist/ with swc…');
    buildServices(ROOT);
  }

  resources.database = await TestDatabase.create();
  resources.namespace = namespace;
  log(`run ${runId}: database ${resources.database.name}, Kafka namespace ${namespace}`);

  // 1. The raw floor, before any service runs.
  log(`raw floor: ${options.conversations} x ${options.messagesPerConversation} Postgres commits…`);
  const postgres = await measurePostgresCommits(resources.database.ownerUrl, options.pgPool, phaseOptions);
  log(`raw floor: ${options.conversations} x ${options.messagesPerConversation} Kafka hops…`);
  const kafka = await measureKafkaHops(options.kafkaBrokers, namespace, options.partitions, phaseOptions);

  // 2. The five services as child processes.
  const environment = {
    NODE_ENV: 'production',
    LOCAL_KEYSTORE_DATABASE_URL: resources.database.url,
    MIGRATIONS_DATABASE_URL: resources.database.ownerUrl,
    KAFKA_BROKERS: options.kafkaBrokers.join(','),
    KAFKA_NAMESPACE: namespace,
    KAFKA_TOPIC_PARTITIONS: String(options.partitions),
    CONSUMER_CONCURRENT_PARTITIONS: String(options.partitions),
    BOOTSTRAP_API_KEY: randomBytes(24).toString('hex'),
    VISITOR_TOKEN_SECRET: randomBytes(24).toString('hex'),
    LOCAL_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    ...BENCH_RATE_LIMITS,
  };
  namespaceAcls('apply', namespace);
  log(`starting ${SERVICE_NAMES.join(', ')} from dist/…`);
  const startupTimeoutMs = Math.max(options.timeoutMs, 90_000);
  // One after another: services started together race to create the same topics, and one may
  // subscribe before the new partitions have a leader ("This server does not host this topic-partition").
  for (const name of SERVICE_NAMES) {
    const service = ServiceProcess.spawn(ROOT, name, {
      ...environment,
      DATABASE_URL: resources.database.urlFor(schemaOf(name)),
    });
    resources.services.push(service); // registered at once, so cleanup stops it whatever happens next
    await service.waitForStart(startupTimeoutMs);
    await service.waitUntilReady(startupTimeoutMs);
    log(`  ${name} ready at ${service.url} (pid ${service.pid})`);
  }
  const usageOfEach = () => resources.services.map((service) => service.usage());
  const idleUsage = usageOfEach();
  const conversation = resources.services.find((service) => service.name === 'conversation');
  if (!conversation) throw new Error('the conversation service is not among the started services');

  // 3. Visitors: one tenant, N conversations each greeted by the bot, then the closed loop.
  const conversationUrl = conversation.url;
  const tenant: BenchTenant = await createTenant(conversationUrl, environment.BOOTSTRAP_API_KEY, options.timeoutMs);
  if (options.playbook) {
    const botEngine = resources.services.find((service) => service.name === 'bot-engine');
    if (!botEngine) throw new Error('the bot-engine service is not among the started services');
    log('giving the bot the FAQ playbook…');
    await configureFaqBot(botEngine.url, tenant.adminKey, options.timeoutMs);
  }
  log(`opening ${options.conversations} conversations (waiting for each greeting, which crosses Kafka)…`);
  await mapWithConcurrency(Array.from({ length: options.conversations }), SETUP_CONCURRENCY, async () => {
    resources.sessions.push(await VisitorSession.open(conversationUrl, tenant, options.timeoutMs));
  });
  log('warm-up: one unmeasured message per conversation…');
  await Promise.all(resources.sessions.map((session) => session.sendAndAwaitReply(VISITOR_TEXT)));

  log(`measuring: ${options.conversations} conversations x ${options.messagesPerConversation} messages…`);
  const beforeLoad = usageOfEach();
  const clientCpuBefore = process.cpuUsage();
  const candor = await runClosedLoop({
    workers: options.conversations,
    operationsPerWorker: options.messagesPerConversation,
    deadline: performance.now() + options.durationSeconds * 1000,
    thinkMs: options.thinkMs,
    operation: (worker) => resources.sessions[worker].sendAndAwaitReply(VISITOR_TEXT),
  });
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const afterLoad = usageOfEach();

  // 4. Figures.
  const services: ServiceFigures[] = resources.services.map((service, index) => ({
    name: service.name,
    role: PATH_SERVICES.includes(service.name) ? 'path' : 'idle',
    idleRssMb: idleUsage[index].rssBytes / MB,
    peakRssMb: afterLoad[index].peakRssBytes / MB,
    cpuSeconds: afterLoad[index].cpuSeconds - beforeLoad[index].cpuSeconds,
  }));
  const floorP50Ms = postgres.p50Ms + kafka.p50Ms;
  log('stopping services and cleaning up…');
  await resources.cleanUp();

  printReport({
    runId,
    settings: {
      conversations: options.conversations,
      messagesPerConversation: options.messagesPerConversation,
      thinkMs: options.thinkMs,
      partitions: options.partitions,
      pgPool: options.pgPool,
      playbook: options.playbook,
      cpus: availableParallelism(),
      node: process.version,
    },
    candor,
    postgres,
    kafka,
    floorP50Ms,
    p50FloorRatio: candor.p50Ms / floorP50Ms,
    services,
    clientCpuSeconds: (clientCpu.user + clientCpu.system) / 1e6,
  });
  if (candor.failed + postgres.failed + kafka.failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] FAILED: ${describeError(error)}\n`);
  process.exit(1);
});
