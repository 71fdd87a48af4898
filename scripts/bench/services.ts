/**
 * The Candor services as separate child processes started from the built
 * output (dist/), so each one's memory and CPU can be read from /proc.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaEnvironmentOf } from '../../libs/testing/src/kafka-principals';
import { describeError, sleep } from './stats';

export const SERVICE_NAMES = ['conversation', 'bot-engine', 'handoff', 'consent-ledger', 'dsr'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The Postgres schema a service owns (bot-engine: bot_engine), which names its own database role's URL. */
export function schemaOf(name: ServiceName): string {
  return name.replace(/-/g, '_');
}

/** Linux clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on every mainstream kernel). */
const CLOCK_TICKS_PER_SECOND = 100;
/** Lines of a child's output kept to explain a failure. */
const OUTPUT_LINES_KEPT = 40;

/** Compiles apps/ and libs/ with swc into dist/ (the same command the project documents). */
export function buildServices(root: string): void {
  const swc = join(root, 'node_modules', '.bin', 'swc');
  if (!existsSync(swc)) throw new Error(`swc not found at ${swc}: run npm ci first`);
  execFileSync(swc, ['apps', 'libs', '-d', 'dist'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Where swc put a service's entry point. */
export function entryPoint(root: string, name: ServiceName): string {
  const candidates = [join(root, 'dist', 'apps', name, 'src', 'main.js'), join(root, 'dist', 'apps', name, 'main.js')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(`${name} is not built (looked for ${candidates.join(', ')}); run without --no-build`);
  }
  return found;
}

/** Memory and CPU of a process, read from /proc. */
export interface ProcessUsage {
  /** Resident set size now, in bytes. */
  rssBytes: number;
  /** Peak resident set size since the process started (VmHWM), in bytes. */
  peakRssBytes: number;
  /** User + system CPU time consumed so far, in seconds. */
  cpuSeconds: number;
}

export function readProcessUsage(pid: number): ProcessUsage {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]) * 1024;
  };
  // Fields after the parenthesised command name (which may contain spaces): utime is 14th, stime 15th overall.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssBytes: kilobytes('VmRSS'), peakRssBytes: kilobytes('VmHWM'), cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND };
}

/** One service running as a child `node` process. */
export class ServiceProcess {
  /** Base URL (http://127.0.0.1:<port>) once started. */
  url = '';
  private readonly output: string[] = [];
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exitPromise: Promise<void>;

  private constructor(
    readonly name: ServiceName,
    private readonly child: ChildProcess,
  ) {
    this.exitPromise = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        this.exited = { code, signal };
        resolve();
      });
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        this.output.push(line);
        if (this.output.length > OUTPUT_LINES_KEPT) this.output.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no pid (spawn failed)`);
    return this.child.pid;
  }

  get running(): boolean {
    return this.exited === undefined && this.child.pid !== undefined;
  }

  /** The last lines the process wrote (stdout and stderr), to explain a failure. */
  recentOutput(): string {
    return this.output.map((line) => `    ${this.name} | ${line}`).join('\n');
  }

  /** Spawns `node <entry>` with `environment`; PORT=0 lets the OS pick a free port. */
  static spawn(root: string, name: ServiceName, environment: Record<string, string>): ServiceProcess {
    // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the services of a run.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, entryPoint(root, name)], {
      cwd: root,
      // Each service logs in to Kafka as itself (the run's namespace has the services' ACLs: infrastructure.ts).
      env: { PATH: process.env.PATH ?? '', ...kafkaEnvironmentOf(name), ...environment, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(name, child);
  }

  /** Waits for the service's "started" line, which carries its URL. */
  async waitForStart(timeoutMs: number): Promise<void> {
    const { child, name } = this;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} did not report "started" within ${timeoutMs} ms`)),
        timeoutMs,
      );
      let buffered = '';
      const onData = (chunk: Buffer) => {
        buffered += chunk.toString();
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          const started = parseStartedLine(line);
          if (started) {
            clearTimeout(timer);
            child.stdout?.off('data', onData);
            resolve(started);
          }
        }
      };
      child.stdout?.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`${name} could not be spawned: ${error.message}`));
      });
      void this.exitPromise.then(() => {
        clearTimeout(timer);
        reject(new Error(`${name} exited during start-up (${JSON.stringify(this.exited)})`));
      });
    }).catch((error: unknown) => {
      throw new Error(`${describeError(error)}\n${this.recentOutput()}`);
    });
  }

  /** Polls /health/ready until it answers 200. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited while waiting for readiness\n${this.recentOutput()}`);
      try {
        const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(3_000) });
        if (response.ok) return;
        last = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
      } catch (error) {
        last = describeError(error);
      }
      await sleep(250);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms (${last})\n${this.recentOutput()}`);
  }

  usage(): ProcessUsage {
    return readProcessUsage(this.pid);
  }

  /** SIGTERM (graceful drain), then SIGKILL if the process is still there after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const stopped = await Promise.race([this.exitPromise.then(() => true), sleep(graceMs).then(() => false)]);
    if (!stopped && this.running) {
      this.child.kill('SIGKILL');
      await Promise.race([this.exitPromise, sleep(2_000)]);
    }
  }

  /** Last resort from a synchronous 'exit' handler: kill at once. */
  killNow(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}

function parseStartedLine(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const record = JSON.parse(line) as { msg?: unknown; url?: unknown };
    if (record.msg === 'started' && typeof record.url === 'string') {
      // Nest reports the bound address; make sure we talk IPv4 loopback.
      return record.url.replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    }
  } catch {
    // Not a JSON log line: ignore.
  }
  return undefined;
}

/**
 * The load generator is one client on one address standing for many visitors and integrators: the limits
 * meant for one of them are lifted, so the figures measure the work, not the limiter's refusals (each request
 * is still counted, so the limiter's own cost stays in the figures).
 */
export const BENCH_RATE_LIMITS = {
  RATE_LIMIT_API_KEY_PER_MINUTE: '1000000000',
  RATE_LIMIT_VISITOR_PER_MINUTE: '1000000000',
  RATE_LIMIT_CONVERSATIONS_PER_ADDRESS_PER_MINUTE: '1000000000',
  RATE_LIMIT_CONVERSATIONS_PER_SITE_PER_MINUTE: '1000000000',
  RATE_LIMIT_MESSAGES_PER_CONVERSATION_PER_MINUTE: '1000000000',
};
