import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a pause after each run ends, never two at once', async () => {
    let running = 0;
    let overlapped = false;
    const finishes: (() => void)[] = [];
    const task = new PeriodicTask(100, async () => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise<void>((resolve) => finishes.push(resolve));
      running--;
    });
    task.start();
    await jest.advanceTimersByTimeAsync(100);
    expect(finishes).toHaveLength(1);
    // The run takes long: no second one starts meanwhile.
    await jest.advanceTimersByTimeAsync(1_000);
    expect(finishes).toHaveLength(1);
    finishes[0]();
    await jest.advanceTimersByTimeAsync(99);
    expect(finishes).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(finishes).toHaveLength(2);
    finishes[1]();
    await task.stop();
    expect(overlapped).toBe(false);
  });

  it('keeps going after a failed run', async () => {
    let runs = 0;
    const task = new PeriodicTask(10, async () => {
      runs++;
      throw new Error('database away');
    });
    task.start();
    await jest.advanceTimersByTimeAsync(35);
    expect(runs).toBe(3);
    await task.stop();
  });

  it('waits for the run under way when stopped, tells it so, and starts no other', async () => {
    let finish: () => void = () => undefined;
    let sawStopping = false;
    let runs = 0;
    const task = new PeriodicTask(10, async (isStopping) => {
      runs++;
      await new Promise<void>((resolve) => (finish = resolve));
      sawStopping = isStopping();
    });
    task.start();
    await jest.advanceTimersByTimeAsync(10);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(sawStopping).toBe(true);
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
  });
});
