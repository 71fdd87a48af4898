/**
 * Prints the benchmark's figures: a table for people, then one JSON line for
 * tools. Targets are the ones of issue 2 and are shown for comparison only.
 */
import type { ServiceName } from './services';
import type { PhaseResult } from './stats';

export const TARGETS = {
  p99Ms: 50,
  messagesPerSecond: 2_000,
  p50FloorRatio: 3,
  rssMb: 150,
} as const;

export interface ServiceFigures {
  name: ServiceName;
  /** Whether the service is on the measured path (conversation, bot-engine) or idle. */
  role: 'path' | 'idle';
  idleRssMb: number;
  peakRssMb: number;
  /** CPU seconds the service used during the measured Candor phase. */
  cpuSeconds: number;
}

export interface BenchFigures {
  runId: string;
  settings: {
    conversations: number;
    messagesPerConversation: number;
    thinkMs: number;
    partitions: number;
    pgPool: number;
    playbook: boolean;
    cpus: number;
    node: string;
  };
  candor: PhaseResult;
  postgres: PhaseResult;
  kafka: PhaseResult;
  /** Postgres commit p50 + Kafka hop p50. */
  floorP50Ms: number;
  /** Candor p50 ÷ floor p50. */
  p50FloorRatio: number;
  services: ServiceFigures[];
  /** CPU seconds the benchmark client itself used during the Candor phase. */
  clientCpuSeconds: number;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const rate = (value: number) => Math.round(value).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

/** A plain-text table: text cells left-aligned, figures right-aligned. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((cells) => cells[column].length)));
  const numeric = header.map((_, column) =>
    rows.every((cells) => /^([<>]=\s)?[\d., /]*x?$|^n\/a$/.test(cells[column])),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].map((text) => `  ${text}`).join('\n');
}

export function printReport(figures: BenchFigures): void {
  const { candor, postgres, kafka, settings } = figures;
  const out: string[] = [
    `Candor foundation benchmark, run ${figures.runId}: ${settings.conversations} conversations x ` +
      `${settings.messagesPerConversation} messages in a closed loop (think ${settings.thinkMs} ms), ` +
      `${settings.partitions} partitions, ${settings.cpus} CPUs, node ${settings.node}, ` +
      (settings.playbook ? 'bot with the FAQ playbook' : 'bot without a playbook'),
    '',
    'Latency and throughput',
    table(
      ['', 'per second', 'p50 ms', 'p99 ms', 'ok / failed'],
      [
        [
          'Candor: visitor POST -> bot reply on WebSocket',
          rate(candor.perSecond),
          ms(candor.p50Ms),
          ms(candor.p99Ms),
          `${candor.completed} / ${candor.failed}`,
        ],
        [
          `raw Postgres commit (pool of ${settings.pgPool})`,
          rate(postgres.perSecond),
          ms(postgres.p50Ms),
          ms(postgres.p99Ms),
          `${postgres.completed} / ${postgres.failed}`,
        ],
        [
          'raw Kafka hop (acks=-1 -> group consumer)',
          rate(kafka.perSecond),
          ms(kafka.p50Ms),
          ms(kafka.p99Ms),
          `${kafka.completed} / ${kafka.failed}`,
        ],
        ['floor = Postgres commit + Kafka hop', '', ms(figures.floorP50Ms), '', ''],
      ],
    ),
    `  Same ${settings.conversations} concurrent workers in every row, each waiting for its previous operation.`,
    '  Candor msgs/s counts visitor messages answered (messages stored, visitor + bot, are twice that).',
    '',
    'Against the targets of issue 2',
    table(
      ['', 'measured', 'target', ''],
      [
        [
          'Candor msgs/s',
          rate(candor.perSecond),
          `>= ${rate(TARGETS.messagesPerSecond)}`,
          verdict(candor.perSecond >= TARGETS.messagesPerSecond),
        ],
        ['Candor p99 (ms)', ms(candor.p99Ms), `<= ${TARGETS.p99Ms}`, verdict(candor.p99Ms <= TARGETS.p99Ms)],
        [
          'Candor p50 / floor p50',
          `${figures.p50FloorRatio.toFixed(2)}x`,
          `<= ${TARGETS.p50FloorRatio}x`,
          verdict(figures.p50FloorRatio <= TARGETS.p50FloorRatio),
        ],
        ...figures.services.map((service) => [
          `${service.name} peak RSS (MB)`,
          service.peakRssMb.toFixed(0),
          `<= ${TARGETS.rssMb}`,
          verdict(service.peakRssMb <= TARGETS.rssMb),
        ]),
      ],
    ),
    '',
    'Services (separate processes from dist/; peak = VmHWM over the whole run, cpu = during the Candor phase)',
    table(
      ['', 'role', 'idle RSS MB', 'peak RSS MB', 'cpu s'],
      [
        ...figures.services.map((service) => [
          service.name,
          service.role === 'path' ? 'on the path' : 'idle',
          service.idleRssMb.toFixed(0),
          service.peakRssMb.toFixed(0),
          service.cpuSeconds.toFixed(1),
        ]),
        ['benchmark client', '', '', '', figures.clientCpuSeconds.toFixed(1)],
      ],
    ),
  ];

  for (const [phase, result] of Object.entries({ candor, postgres, kafka })) {
    if (result.stoppedAtDeadline) out.push('', `note: the ${phase} phase stopped at --duration before finishing`);
    for (const error of result.errors) out.push(`${phase} failure: ${error}`);
  }
  out.push('', `BENCH_JSON ${JSON.stringify(figures, roundNumbers)}`);
  process.stdout.write(`\n${out.join('\n')}\n`);
}

/** JSON replacer: three decimals are plenty for milliseconds, seconds and megabytes. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
}
