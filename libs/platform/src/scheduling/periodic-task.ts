/**
 * Runs `work` again and again, each run a pause after the previous one ended, so two never overlap in one
 * process (several instances each run their own: the work must be safe with that, e.g. by row locks). `stop`
 * waits for a run under way, so its transaction ends before the database closes; `work` can ask
 * `isStopping()` to end a long run early. Failures are the work's to catch and report: one that escapes is
 * swallowed, and the next run comes on time.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly pauseMs: number,
    private readonly work: (isStopping: () => boolean) => Promise<void>,
  ) {}

  start(): void {
    this.stopped = false;
    this.scheduleNext();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.work(() => this.stopped)
        .catch(() => undefined)
        .finally(() => this.scheduleNext());
    }, this.pauseMs);
    // A pending run never keeps the process alive on its own.
    this.timer.unref();
  }
}
