import { toDateTime, toInteger } from './query-values';

describe('toInteger', () => {
  it('converts decimal integers only', () => {
    expect(toInteger('42')).toBe(42);
    expect(toInteger('-7')).toBe(-7);
    expect(toInteger('0')).toBe(0);
    for (const value of ['', ' 1', '1.0', '1e3', '0x10', '+1', '01', 'Infinity', 'abc']) {
      expect(toInteger(value)).toBe(value);
    }
    expect(toInteger(['1', '2'])).toEqual(['1', '2']);
  });
});

describe('toDateTime', () => {
  it('converts RFC 3339 date-times, with any offset', () => {
    expect(toDateTime('2026-11-29T10:00:00Z')).toEqual(new Date('2026-11-29T10:00:00.000Z'));
    expect(toDateTime('2026-11-29t10:00:00.123456z')).toEqual(new Date('2026-11-29T10:00:00.123Z'));
    expect(toDateTime('2026-11-29T10:00:00+05:30')).toEqual(new Date('2026-11-29T04:30:00.000Z'));
    expect(toDateTime('0001-01-01T00:00:00Z')).toEqual(new Date('0001-01-01T00:00:00.000Z'));
  });

  it('takes a leap second only at 23:59 UTC', () => {
    expect(toDateTime('1998-12-31T23:59:60Z')).toEqual(new Date('1998-12-31T23:59:59.999Z'));
    expect(toDateTime('1998-12-31T15:59:60-08:00')).toEqual(new Date('1998-12-31T23:59:59.999Z'));
    expect(toDateTime('1998-12-31T23:58:60Z')).toBe('1998-12-31T23:58:60Z');
  });

  it('leaves what is not an RFC 3339 date-time as it came', () => {
    for (const value of [
      '0.5',
      '2026',
      '2026-11-29',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:00:00',
      '2026-01-01T00:00:00+24:00',
      'Sun, 29 Nov 2026 10:00:00 GMT',
    ]) {
      expect(toDateTime(value)).toBe(value);
    }
  });
});
