import { deliveryVerdict } from './delivery-tracker';

describe('deliveryVerdict', () => {
  const crashedGroup = { firstOffset: 10n, lastOffset: 15n, starts: 1 };

  it('lets records beyond anything unfinished go with their batch', () => {
    expect(deliveryVerdict(null, 3n, 2)).toEqual({ kind: 'normal' });
    expect(deliveryVerdict(crashedGroup, 16n, 2)).toEqual({ kind: 'normal' });
  });

  it('replays records before the unfinished range alone, without counting them', () => {
    expect(deliveryVerdict(crashedGroup, 9n, 2)).toEqual({ kind: 'replayed' });
  });

  it('counts the starts of the first unfinished record, and one for the others of its group', () => {
    expect(deliveryVerdict(crashedGroup, 10n, 3)).toEqual({ kind: 'suspect', previousStarts: 1, lastOffset: 15n });
    expect(deliveryVerdict({ ...crashedGroup, starts: 2 }, 12n, 3)).toEqual({
      kind: 'suspect',
      previousStarts: 1,
      lastOffset: 15n,
    });
  });

  it('gives up on a record once it has been started the allowed number of times without finishing', () => {
    expect(deliveryVerdict({ firstOffset: 12n, lastOffset: 15n, starts: 2 }, 12n, 2)).toEqual({
      kind: 'crashed',
      starts: 2,
    });
    expect(deliveryVerdict({ firstOffset: 12n, lastOffset: 15n, starts: 2 }, 13n, 2)).toEqual({
      kind: 'suspect',
      previousStarts: 1,
      lastOffset: 15n,
    });
  });
});
