import { nodeKey, perfectSubtrees } from './index';

describe('perfectSubtrees', () => {
  it('covers every [start, end) up to 64 exactly, with aligned subtrees no two of which could merge', () => {
    for (let end = 0; end <= 64; end++) {
      for (let start = 0; start <= end; start++) {
        const ids = perfectSubtrees(start, end);
        let position = start;
        for (const { level, index } of ids) {
          expect(index * 2 ** level).toBe(position);
          position += 2 ** level;
        }
        expect(position).toBe(end);
        // Maximal: sizes rise then fall, and no neighbours of one size that would form an aligned parent.
        for (let i = 1; i < ids.length; i++) {
          const [a, b] = [ids[i - 1], ids[i]];
          expect(a.level === b.level && a.index % 2 === 0).toBe(false);
        }
      }
    }
  });

  it('handles positions beyond 2^32 without truncation', () => {
    const max = Number.MAX_SAFE_INTEGER; // 2^53 - 1: 53 subtrees
    const ids = perfectSubtrees(0, max);
    expect(ids).toHaveLength(53);
    expect(ids[0]).toEqual({ level: 52, index: 0 });
    expect(ids[52]).toEqual({ level: 0, index: max - 1 });
    expect(perfectSubtrees(2 ** 40 + 3, 2 ** 40 + 8)).toEqual([
      { level: 0, index: 2 ** 40 + 3 },
      { level: 2, index: 2 ** 38 + 1 },
    ]);
  });

  it('rejects nonsense', () => {
    for (const [start, end] of [
      [2, 1],
      [-1, 3],
      [0, 1.5],
      [0, Number.MAX_SAFE_INTEGER + 1],
      [NaN, 1],
    ]) {
      expect(() => perfectSubtrees(start, end)).toThrow(RangeError);
    }
  });

  it('keys nodes as level:index', () => {
    expect(nodeKey({ level: 3, index: 12 })).toBe('3:12');
  });
});
