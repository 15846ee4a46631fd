/**
 * Reads the times people and platforms write: ISO 8601, Dutch day-first `dd-mm-yyyy HH:mm`
 * (also with `/` or `.`), Unix epoch in seconds or milliseconds, and RFC 2822 / X's
 * `Fri Feb 20 09:10:58 +0000 2026`. A time without an offset is read in `timeZone`.
 * Returns ms since the epoch (UTC), or null when the value is not a real date (`31-13-2024`).
 */
export function parseTime(value: unknown, timeZone = 'UTC'): number | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return /^\d{9,13}(\.\d+)?$/.test(text) ? fromEpoch(Number(text)) : null;

  const iso = ISO.exec(text);
  if (iso) return fromParts(iso.slice(1, 8), iso[8], timeZone);
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, day, month, year, hour, minute, second] = dayFirst;
    return fromParts([year, month, day, hour, minute, second, undefined], undefined, timeZone);
  }
  if (/[a-z]/i.test(text)) return fromWords(text, timeZone);
  return null;
}

// 2024-03-05, 2024-03-05T14:30, 2024/03/05 14:30:00.123+01:00, ...Z
const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;
// 05-03-2024, 5/3/2024 14:30, 05.03.2024 14.30:00
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ,]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/;

/** Seconds until 5138 (11 digits), milliseconds after: the two never overlap in practice. */
function fromEpoch(value: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.round(value < 1e11 ? value * 1000 : value);
}

function fromParts(parts: (string | undefined)[], offset: string | undefined, timeZone: string): number | null {
  const [year, month, day, hour, minute, second, fraction] = parts.map((part) => part ?? '');
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour || 0),
    minute: Number(minute || 0),
    second: Number(second || 0),
    ms: Math.round(Number(`0.${fraction || '0'}`) * 1000),
  };
  const wall = wallClock(fields);
  if (wall === null) return null;
  if (offset === undefined) return zonedToUtc(wall, timeZone);
  if (/^(z|utc)$/i.test(offset)) return wall;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset) ?? [];
  const shift = (Number(hours) * 60 + Number(minutes ?? 0)) * 60_000;
  return sign === '-' ? wall + shift : wall - shift;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** The wall-clock time as if it were UTC, or null if any part is out of range (31-02, 25:00). */
function wallClock(f: Fields): number | null {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 60) return null;
  const time = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, Math.min(f.second, 59), f.ms);
  return new Date(time).getUTCDate() === f.day ? time : null;
}

/** RFC 2822 and X's format; without a zone in the text, the wall clock is read in `timeZone`. */
function fromWords(text: string, timeZone: string): number | null {
  const hasZone = /(?:[+-]\d{4}|\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b)/.test(text);
  const parsed = Date.parse(hasZone ? text : `${text} GMT`);
  if (Number.isNaN(parsed)) return null;
  return hasZone ? parsed : zonedToUtc(parsed, timeZone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** Offset of `timeZone` from UTC at `utc`, in ms; cached per hour because imports repeat hours. */
function zoneOffset(utc: number, timeZone: string): number {
  const key = `${timeZone}@${Math.floor(utc / 3_600_000)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const part = (type: string) => Number(format.formatToParts(utc).find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  const offset = asUtc - Math.floor(utc / 1000) * 1000;
  if (offsets.size > 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function zonedToUtc(wall: number, timeZone: string): number {
  if (timeZone === 'UTC') return wall;
  const first = wall - zoneOffset(wall, timeZone);
  // Around a DST switch the offset at the guess can differ from the offset at the answer.
  return wall - zoneOffset(first, timeZone);
}
