import { backoffDelayMs } from './retry-policy';

describe('backoffDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles the ceiling with each failed attempt, jittered between half and all of it', () => {
    expect(backoffDelayMs(policy, 1, () => 0)).toBe(50);
    expect(backoffDelayMs(policy, 1, () => 1)).toBe(100);
    expect(backoffDelayMs(policy, 2, () => 1)).toBe(200);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(300);
  });

  it('never exceeds the maximum delay', () => {
    expect(backoffDelayMs(policy, 30, () => 1)).toBe(1_000);
  });
});
