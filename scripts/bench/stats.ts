/**
 * Latency statistics and the closed-loop driver shared by every phase of the
 * benchmark (Candor end to end, raw Postgres, raw Kafka), so all three are
 * measured the same way.
 */

/** Summary of one phase: how many operations completed, how fast, and their latency distribution. */
export interface PhaseResult {
  /** Operations that completed. */
  completed: number;
  /** Operations that failed (a worker stops at its first failure). */
  failed: number;
  /** First few failure messages, for the report. */
  errors: string[];
  /** Wall-clock time of the measured phase, in seconds. */
  elapsedSeconds: number;
  /** Completed operations per second of wall-clock time. */
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** True when the phase stopped at its deadline before every worker finished. */
  stoppedAtDeadline: boolean;
}

/** Nearest-rank percentile (p in 0..100) of an ascending-sorted array; NaN when empty. */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(sortedAscending.length - 1, Math.max(0, rank - 1))];
}

export interface ClosedLoopOptions {
  /** Concurrent workers (conversations, connections, producers…). */
  workers: number;
  /** Operations each worker performs one after another. */
  operationsPerWorker: number;
  /** No worker starts a new operation after this moment (performance.now() clock). */
  deadline: number;
  /**
   * Mean pause between one operation's end and the next one's start (0: saturating closed loop).
   * Each pause, and each worker's first start, is drawn uniformly from [0, 2 × thinkMs], so
   * workers behave like people typing at their own pace instead of firing in lockstep.
   */
  thinkMs?: number;
  /**
   * One operation of one worker; the driver times it from the call to the
   * settled promise. It must enforce its own timeout (and throw on it).
   */
  operation(worker: number, index: number): Promise<void>;
}

/**
 * Runs `workers` concurrent loops, each performing its operations strictly one
 * after another (the next starts only when the previous one completed), and
 * summarises the latencies. A worker that fails stops; the others go on.
 */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<PhaseResult> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  let stoppedAtDeadline = false;

  const think = () => (options.thinkMs ? sleep(Math.random() * 2 * options.thinkMs) : Promise.resolve());
  const worker = async (workerIndex: number): Promise<void> => {
    await think();
    for (let index = 0; index < options.operationsPerWorker; index++) {
      if (performance.now() >= options.deadline) {
        stoppedAtDeadline = true;
        return;
      }
      const started = performance.now();
      try {
        await options.operation(workerIndex, index);
      } catch (error) {
        failed++;
        if (errors.length < 5) errors.push(`worker ${workerIndex}, op ${index}: ${describeError(error)}`);
        return;
      }
      latencies.push(performance.now() - started);
      await think();
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: options.workers }, (_, index) => worker(index)));
  const elapsedSeconds = (performance.now() - started) / 1000;
  return summarise(latencies, { failed, errors, elapsedSeconds, stoppedAtDeadline });
}

function summarise(
  latencies: number[],
  extra: { failed: number; errors: string[]; elapsedSeconds: number; stoppedAtDeadline: boolean },
): PhaseResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    completed: sorted.length,
    ...extra,
    perSecond: extra.elapsedSeconds > 0 ? sorted.length / extra.elapsedSeconds : 0,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    meanMs: sorted.length ? total / sorted.length : Number.NaN,
  };
}

/** Runs `work` over `items` with at most `limit` in flight (for setup steps, not measured). */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Resolves with `promise`, or rejects with "timed out after … waiting for <what>". */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
