import { isValidTimeZone, isWithinBusinessHours } from './business-hours';
import type { BusinessHours } from './playbook.types';

describe('business hours', () => {
  const auckland: BusinessHours = {
    timezone: 'Pacific/Auckland',
    weekly: {
      mon: [
        ['09:00', '12:00'],
        ['13:00', '24:00'],
      ],
    },
  };

  it('reads weekday and time on the wall clock of the time zone, not UTC', () => {
    // Auckland is UTC+13 in January: Sunday 20:30 UTC is Monday 09:30 there, Monday 14:00 UTC is Tuesday 03:00.
    expect(isWithinBusinessHours(auckland, new Date('2025-01-05T20:30:00Z'))).toBe(true);
    expect(isWithinBusinessHours(auckland, new Date('2025-01-06T14:00:00Z'))).toBe(false);
  });

  it('treats intervals as [start, end), allows 24:00 as an end, and closes missing days', () => {
    expect(isWithinBusinessHours(auckland, new Date('2025-01-05T23:00:00Z'))).toBe(false); // Mon 12:00
    expect(isWithinBusinessHours(auckland, new Date('2025-01-05T22:59:00Z'))).toBe(true); // Mon 11:59
    expect(isWithinBusinessHours(auckland, new Date('2025-01-06T10:59:00Z'))).toBe(true); // Mon 23:59
    expect(isWithinBusinessHours(auckland, new Date('2025-01-06T11:00:00Z'))).toBe(false); // Tue 00:00
  });

  it('validates time zones with Intl', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
