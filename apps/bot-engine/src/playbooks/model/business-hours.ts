import type { BusinessHours, Weekday } from './playbook.types';

const WEEKDAY_BY_NAME: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

// Formatters are costly to build; a tenant's time zone is asked on every branch.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight of "HH:MM" (validated by the schema). */
export function clockMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Whether `now` falls in one of the [start, end) intervals of its weekday, on the wall clock of the time zone. */
export function isWithinBusinessHours(hours: BusinessHours, now: Date): boolean {
  const parts = formatter(hours.timezone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const intervals = hours.weekly[WEEKDAY_BY_NAME[part('weekday')]] ?? [];
  const minute = Number(part('hour')) * 60 + Number(part('minute'));
  return intervals.some(([start, end]) => clockMinutes(start) <= minute && minute < clockMinutes(end));
}
