import { Transform } from 'class-transformer';

/**
 * Query and path values arrive as strings. `@Type(() => Number)` and `@Type(() => Date)` convert far more than the
 * OpenAPI document allows (`Number('')` is 0, `Number('0x10')` is 16, `new Date('0.5')` is a date in 2000,
 * `new Date('2000-02-30T00:00:00Z')` is March 1st). These convert exactly what `type: integer` and
 * `format: date-time` mean and leave anything else as it came, for `@IsInt()` / `@IsDate()` to refuse.
 */

const DECIMAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

/** An integer written in decimal digits, else the value unchanged. */
export function toInteger(value: unknown): unknown {
  return typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value;
}

/** For `type: integer` query and path parameters (with `@IsInt()`). */
export function ToInteger(): PropertyDecorator {
  return Transform(({ value }) => toInteger(value));
}

const RFC3339_DATE_TIME =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))$/;

/**
 * An RFC 3339 date-time (`format: date-time`) as a Date, else the value unchanged. Every field is range-checked
 * (no February 30th, no hour 24, offsets within ±23:59); a leap second (:60) counts only at 23:59 UTC, and is
 * taken as the last millisecond before the next minute (a Date has no leap seconds).
 */
export function toDateTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = RFC3339_DATE_TIME.exec(value);
  if (!match) return value;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const fraction = match[7] ? Number(`0${match[7]}`) : 0;
  const offsetSign = match[8] === '-' ? -1 : 1;
  const offsetHours = match[9] ? Number(match[9]) : 0;
  const offsetMinutes = match[10] ? Number(match[10]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return value;
  if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return value;
  const offsetMs = offsetSign * (offsetHours * 60 + offsetMinutes) * 60_000;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, Math.min(second, 59), Math.floor(fraction * 1000));
  const utc = new Date(date.getTime() - offsetMs);
  if (second === 60) {
    if (utc.getUTCHours() !== 23 || utc.getUTCMinutes() !== 59) return value;
    utc.setUTCMilliseconds(999);
  }
  return utc;
}

/** For `format: date-time` query parameters (with `@IsDate()`). */
export function ToDateTime(): PropertyDecorator {
  return Transform(({ value }) => toDateTime(value));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
