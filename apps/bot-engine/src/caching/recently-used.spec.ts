import { RecentlyUsed } from './recently-used';

describe('RecentlyUsed', () => {
  afterEach(() => jest.useRealTimers());

  it('forgets the least recently used entry beyond its bound', () => {
    const map = new RecentlyUsed<number>({ maxEntries: 2 });
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now the most recent
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 3]);
  });

  it('forgets entries older than its time to live', () => {
    jest.useFakeTimers();
    const map = new RecentlyUsed<string>({ maxEntries: 10, ttlMs: 1_000 });
    map.set('tenant', 'bot');
    jest.advanceTimersByTime(999);
    expect(map.get('tenant')).toBe('bot');
    jest.advanceTimersByTime(1);
    expect(map.get('tenant')).toBeUndefined();
  });

  it('replaces a value set again', () => {
    const map = new RecentlyUsed<string>({ maxEntries: 10 });
    map.set('k', 'old');
    map.set('k', 'new');
    expect(map.get('k')).toBe('new');
  });
});
