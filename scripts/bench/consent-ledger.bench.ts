/**
 * Consent-ledger benchmark (issue 5): appends per second, inclusion and consistency proof latency
 * as the log grows to 1,000,000 entries, and the service's memory along the way. Prints figures;
 * asserts nothing.
 *
 *   bash scripts/infra.sh up && eval "$(bash scripts/infra.sh env)"
 *   npm run bench:ledger -- --entries 1000000
 *
 * The conversation service (tenants, API keys) and the consent ledger run as child processes from
 * dist/, in a fresh database and Kafka namespace removed at the end. Entries are appended through
 * the public API: single decisions (POST /v1/consents) from concurrent clients, then batches of
 * 1,000 (POST /v1/consents/batch) up to the target size. At every tenth of the way a head is
 * signed, the service's RSS is read, and proofs are timed against the latest head (HTTP round trip
 * on loopback, auth included).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTenant } from './candor-client';
import { TestDatabase } from '../../libs/testing/src/test-infrastructure';
import { deleteNamespace, namespaceAcls } from './infrastructure';
import { ServiceProcess, buildServices, BENCH_RATE_LIMITS, schemaOf } from './services';
import { type PhaseResult, describeError, percentile, runClosedLoop } from './stats';

const ROOT = resolve(__dirname, '..', '..');
const MB = 1024 * 1024;
const log = (message: string) => process.stderr.write(`[bench:ledger] ${message}\n`);

interface Options {
  entries: number;
  batch: number;
  concurrency: number;
  proofs: number;
  /** Concurrent clients of the single-append phase. */
  clients: number;
  build: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      entries: { type: 'string', default: '1000000' },
      batch: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '4' },
      proofs: { type: 'string', default: '500' },
      clients: { type: 'string', default: '50' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const number = (raw: string | undefined, flag: string) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a positive integer`);
    return value;
  };
  return {
    entries: number(values.entries, '--entries'),
    batch: Math.min(number(values.batch, '--batch'), 1000),
    concurrency: number(values.concurrency, '--concurrency'),
    proofs: number(values.proofs, '--proofs'),
    clients: number(values.clients, '--clients'),
    build: !values['no-build'],
  };
}

async function call<T>(url: string, method: string, token: string, body?: unknown): Promise<T> {
  return (await callWithHeaders<T>(url, method, token, body)).body;
}

async function callWithHeaders<T>(url: string, method: string, token: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (response.status >= 300) {
    throw new Error(`${method} ${new URL(url).pathname}: ${response.status} ${text.slice(0, 200)}`);
  }
  return { body: JSON.parse(text) as T, headers: response.headers };
}

/** The proof assembly time the service reports (Server-Timing), in ms. */
function serverTiming(headers: Headers): number {
  const match = /proof;dur=([\d.]+)/.exec(headers.get('server-timing') ?? '');
  if (!match) throw new Error('no Server-Timing header on a proof response');
  return Number(match[1]);
}

interface ServerSide {
  p50Ms: number;
  p99Ms: number;
}

function summarise(durations: number[]): ServerSide {
  const sorted = [...durations].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

const decision = (index: number) => ({
  subjectId: randomUUID(),
  purpose: ['marketing_email', 'analytics', 'profiling'][index % 3],
  action: index % 7 === 0 ? 'withdrawn' : 'granted',
  evidence: { reference: `bench-${index}` },
});

interface Checkpoint {
  entries: number;
  rssMb: number;
  /** HTTP round trips. */
  inclusion: PhaseResult;
  consistency: PhaseResult;
  /** Proof assembly inside the service. */
  inclusionServer: ServerSide;
  consistencyServer: ServerSide;
}

async function main(): Promise<void> {
  const settings = options();
  const brokers = process.env.KAFKA_BROKERS?.split(',');
  if (!process.env.DATABASE_URL || !brokers) {
    throw new Error('DATABASE_URL and KAFKA_BROKERS must be set (scripts/infra.sh env)');
  }
  const runId = randomBytes(4).toString('hex');
  const namespace = `benchledger${runId}`;
  const services: ServiceProcess[] = [];
  let database: TestDatabase | undefined;
  const cleanUp = async () => {
    await Promise.all(services.map((service) => service.stop().catch(() => undefined)));
    await database?.drop().catch((error: unknown) => log(`dropping the database failed: ${describeError(error)}`));
    await deleteNamespace(brokers, namespace).catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    if (settings.build) {
      log('compiling with swc…');
      buildServices(ROOT);
    }
    // As deployed: owned and migrated by the owner role, the services running as a role that owns nothing.
    database = await TestDatabase.create();
    log(`database ${database.name}`);
    const environment = {
      NODE_ENV: 'production',
      LOCAL_KEYSTORE_DATABASE_URL: database.url,
      MIGRATIONS_DATABASE_URL: database.ownerUrl,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_NAMESPACE: namespace,
      BOOTSTRAP_API_KEY: randomBytes(24).toString('hex'),
      VISITOR_TOKEN_SECRET: randomBytes(24).toString('hex'),
      LOCAL_MASTER_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      ...BENCH_RATE_LIMITS,
    };
    namespaceAcls('apply', namespace);
    for (const name of ['conversation', 'consent-ledger'] as const) {
      const service = ServiceProcess.spawn(ROOT, name, {
        ...environment,
        DATABASE_URL: database.urlFor(schemaOf(name)),
      });
      services.push(service);
      await service.waitForStart(90_000);
      await service.waitUntilReady(90_000);
      log(`${name} ready at ${service.url}`);
    }
    const [conversation, ledger] = services;
    const tenant = await createTenant(conversation.url, environment.BOOTSTRAP_API_KEY, 30_000);
    const keyOf = async (role: string) =>
      (await call<{ apiKey: string }>(`${conversation.url}/v1/api-keys`, 'POST', tenant.adminKey, { role })).apiKey;
    const integrator = await keyOf('integrator');
    const compliance = await keyOf('compliance');
    for (let attempt = 0; ; attempt++) {
      const ok = await fetch(`${ledger.url}/v1/consent-forms`, { headers: { authorization: `Bearer ${compliance}` } });
      if (ok.status === 200) break;
      if (attempt > 300) throw new Error('the API keys never reached the consent ledger');
      await new Promise((wait) => setTimeout(wait, 100));
    }
    const idleRssMb = ledger.usage().rssBytes / MB;

    log(`single appends: ${settings.clients} concurrent clients, 200 decisions each…`);
    let appended = 0;
    const single = await runClosedLoop({
      workers: settings.clients,
      operationsPerWorker: 200,
      deadline: performance.now() + 120_000,
      operation: async () => {
        await call(`${ledger.url}/v1/consents`, 'POST', integrator, decision(appended++));
      },
    });

    const checkpoints: Checkpoint[] = [];
    const step = Math.max(settings.batch, Math.floor(settings.entries / 10));
    let batchElapsed = 0;
    let batchAppended = 0;
    let next = appended;
    while (next < settings.entries) {
      const target = Math.min(settings.entries, Math.ceil((next + 1) / step) * step);
      const started = performance.now();
      const batches = Math.ceil((target - next) / settings.batch);
      let issued = 0;
      await Promise.all(
        Array.from({ length: settings.concurrency }, async () => {
          while (issued < batches) {
            issued++;
            const records = Array.from({ length: settings.batch }, (_, index) => decision(next + index));
            await call(`${ledger.url}/v1/consents/batch`, 'POST', integrator, { records });
          }
        }),
      );
      const size = next + batches * settings.batch;
      batchElapsed += performance.now() - started;
      batchAppended += size - next;
      next = size;
      const head = await call<{ treeSize: number }>(`${ledger.url}/v1/ledger/tree-heads`, 'POST', compliance);
      checkpoints.push(await measureProofs(ledger, compliance, head.treeSize, checkpoints, settings.proofs));
      const last = checkpoints[checkpoints.length - 1];
      log(
        `${head.treeSize.toLocaleString('en')} entries: RSS ${last.rssMb.toFixed(0)} MB, inclusion p99 ` +
          `${last.inclusion.p99Ms.toFixed(2)} ms, consistency p99 ${last.consistency.p99Ms.toFixed(2)} ms`,
      );
    }

    log('full verification of the log (recompute every entry, check every head)…');
    const verifyStarted = performance.now();
    const verified = await call<{ ok: boolean; entriesChecked: number }>(
      `${ledger.url}/v1/ledger/verify`,
      'POST',
      compliance,
    );
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    const peakRssMb = ledger.usage().peakRssBytes / MB;

    const out = [
      `Consent-ledger benchmark, run ${runId}: ${next.toLocaleString('en')} entries, batches of ${settings.batch} ` +
        `from ${settings.concurrency} clients`,
      '',
      `  single appends (POST /v1/consents, ${settings.clients} clients)   ${single.perSecond.toFixed(0).padStart(7)} /s   ` +
        `p50 ${single.p50Ms.toFixed(1)} ms  p99 ${single.p99Ms.toFixed(1)} ms  (${single.completed} ok, ${single.failed} failed)`,
      `  batched appends (POST /v1/consents/batch)        ${((batchAppended / batchElapsed) * 1000).toFixed(0).padStart(7)} /s`,
      '',
      '                      proof in the service (p50 / p99 ms)   HTTP round trip (p50 / p99 ms)',
      '    entries  RSS MB   inclusion        consistency         inclusion        consistency',
      ...checkpoints.map(
        (point) =>
          `  ${point.entries.toLocaleString('en').padStart(9)}  ${point.rssMb.toFixed(0).padStart(6)}   ` +
          `${pair(point.inclusionServer)}  ${pair(point.consistencyServer)}     ` +
          `${pair(point.inclusion)}  ${pair(point.consistency)}`,
      ),
      '',
      `  ledger RSS: idle ${idleRssMb.toFixed(0)} MB, peak ${peakRssMb.toFixed(0)} MB`,
      `  full verification: ${verified.entriesChecked.toLocaleString('en')} entries in ${verifySeconds.toFixed(1)} s, ok=${verified.ok}`,
      '  Proof latencies are HTTP round trips on loopback (auth, proof assembly from Postgres, JSON).',
      '',
      'Against the targets of issue 5',
      `  appends/s >= 5,000 (batched)       ${((batchAppended / batchElapsed) * 1000).toFixed(0)}`,
      `  appends/s >= 5,000 (single)        ${single.perSecond.toFixed(0)}`,
      `  inclusion proof p99 <= 2 ms at the end (in the service)   ${checkpoints.at(-1)?.inclusionServer.p99Ms.toFixed(2)}`,
      `  consistency proof p99 <= 2 ms at the end (in the service) ${checkpoints.at(-1)?.consistencyServer.p99Ms.toFixed(2)}`,
      `  inclusion p99 <= 2 ms at the end (HTTP round trip)        ${checkpoints.at(-1)?.inclusion.p99Ms.toFixed(2)}`,
      `  memory flat: RSS at the first and last checkpoints        ${checkpoints[0]?.rssMb.toFixed(0)} / ${checkpoints.at(-1)?.rssMb.toFixed(0)} MB`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    process.stdout.write(
      `BENCH_JSON ${JSON.stringify({ runId, settings, single, batchedPerSecond: (batchAppended / batchElapsed) * 1000, checkpoints, idleRssMb, peakRssMb, verifySeconds })}\n`,
    );
  } finally {
    await cleanUp();
  }
}

/** Times inclusion proofs of random entries and consistency proofs from random earlier heads, one at a time. */
async function measureProofs(
  ledger: ServiceProcess,
  token: string,
  treeSize: number,
  earlier: readonly Checkpoint[],
  count: number,
): Promise<Checkpoint> {
  const inclusionServer: number[] = [];
  const consistencyServer: number[] = [];
  const inclusion = await runClosedLoop({
    workers: 1,
    operationsPerWorker: count,
    deadline: performance.now() + 60_000,
    operation: async () => {
      const index = Math.floor(Math.random() * treeSize);
      const url = `${ledger.url}/v1/ledger/entries/${index}/inclusion-proof?treeSize=${treeSize}`;
      inclusionServer.push(serverTiming((await callWithHeaders(url, 'GET', token)).headers));
    },
  });
  const fromSizes = earlier.map((point) => point.entries);
  const consistency = await runClosedLoop({
    workers: 1,
    operationsPerWorker: fromSizes.length > 0 ? count : 0,
    deadline: performance.now() + 60_000,
    operation: async () => {
      const from = fromSizes[Math.floor(Math.random() * fromSizes.length)];
      const url = `${ledger.url}/v1/ledger/consistency-proof?from=${from}&to=${treeSize}`;
      consistencyServer.push(serverTiming((await callWithHeaders(url, 'GET', token)).headers));
    },
  });
  return {
    entries: treeSize,
    rssMb: ledger.usage().rssBytes / MB,
    inclusion,
    consistency,
    inclusionServer: summarise(inclusionServer),
    consistencyServer: summarise(consistencyServer),
  };
}

function pair(figures: { p50Ms: number; p99Ms: number }): string {
  return `${figures.p50Ms.toFixed(2).padStart(6)} / ${figures.p99Ms.toFixed(2).padEnd(7)}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:ledger] FAILED: ${describeError(error)}\n`);
  process.exit(1);
});
