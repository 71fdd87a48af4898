import { parseArgs } from 'node:util';

/** Settings of one benchmark run, from the command line (and DATABASE_URL / KAFKA_BROKERS). */
export interface BenchOptions {
  conversations: number;
  messagesPerConversation: number;
  /** Upper bound of each measured phase, in seconds: no new operation starts after it. */
  durationSeconds: number;
  /** Upper bound of every single wait (a reply, a commit, a Kafka hop, a service start), in ms. */
  timeoutMs: number;
  /** Pause between a reply and the conversation's next message (0: saturating closed loop). */
  thinkMs: number;
  /** Kafka partitions of every topic (services and raw floor alike). */
  partitions: number;
  /** Connections of the raw-Postgres pool (Postgres' max_connections is shared with the services). */
  pgPool: number;
  /** Give the tenant's bot a playbook (an FAQ loop), so each message also runs intents and the playbook. */
  playbook: boolean;
  /** Compile apps/ and libs/ with swc into dist/ before starting the services. */
  build: boolean;
  kafkaBrokers: string[];
}

const USAGE = `Usage: npm run bench -- [options]

Measures Candor's first path (visitor POST message -> bot reply on the WebSocket)
against the raw floor (a Postgres commit, a Kafka produce->consume hop), and each
service's memory. Needs DATABASE_URL (and MIGRATIONS_DATABASE_URL with two roles) and KAFKA_BROKERS:
  bash scripts/infra.sh up && eval "$(bash scripts/infra.sh env)"

Options:
  --conversations N               concurrent conversations / workers (default 200)
  --messages-per-conversation M   messages each conversation sends, one after another (default 10)
  --duration S                    stop each measured phase after S seconds at most (default 300)
  --timeout MS                    limit of every single wait (default 15000)
  --think-ms MS                   mean pause between a reply and the next message, drawn from
                                  [0, 2 x MS] (default 0: a saturating closed loop)
  --partitions P                  Kafka partitions per topic (default 6)
  --pg-pool C                     raw-floor Postgres connections (default min(N, 20))
  --playbook                      give the bot an FAQ playbook (issue 4's bot; default: no playbook)
  --no-build                      use dist/ as it is (default: compile with swc first)
  --help                          this text`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      conversations: { type: 'string', default: '200' },
      'messages-per-conversation': { type: 'string', default: '10' },
      duration: { type: 'string', default: '300' },
      timeout: { type: 'string', default: '15000' },
      'think-ms': { type: 'string', default: '0' },
      partitions: { type: 'string', default: '6' },
      'pg-pool': { type: 'string' },
      playbook: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }

  const databaseUrl = process.env.DATABASE_URL;
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !kafkaBrokers) {
    throw new Error(
      'DATABASE_URL and KAFKA_BROKERS must be set: bash scripts/infra.sh up && eval "$(bash scripts/infra.sh env)"',
    );
  }
  for (const broker of kafkaBrokers.split(',')) {
    if (!/^(127\.0\.0\.1|localhost|\[?::1\]?):\d+$/.test(broker)) {
      throw new Error(`KAFKA_BROKERS must be on the loopback interface (got ${broker})`);
    }
  }
  for (const url of [databaseUrl, process.env.MIGRATIONS_DATABASE_URL ?? databaseUrl]) {
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)) {
      throw new Error(
        'DATABASE_URL and MIGRATIONS_DATABASE_URL must point to a Postgres server on the loopback interface',
      );
    }
  }

  const conversations = positiveInteger(values.conversations, '--conversations');
  return {
    conversations,
    messagesPerConversation: positiveInteger(values['messages-per-conversation'], '--messages-per-conversation'),
    durationSeconds: positiveInteger(values.duration, '--duration'),
    timeoutMs: positiveInteger(values.timeout, '--timeout'),
    thinkMs: positiveInteger(values['think-ms'], '--think-ms', 0),
    partitions: positiveInteger(values.partitions, '--partitions'),
    pgPool: values['pg-pool'] ? positiveInteger(values['pg-pool'], '--pg-pool') : Math.min(conversations, 20),
    playbook: Boolean(values.playbook),
    build: !values['no-build'],
    kafkaBrokers: kafkaBrokers.split(','),
  };
}

function positiveInteger(raw: string | undefined, flag: string, minimum = 1): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`${flag} must be an integer >= ${minimum} (got ${raw})`);
  }
  return value;
}
