import { TRENDS_TIME_ZONE, type Granularity } from '../../../../shared/api/trends';
import { DAY_MS, HOUR_MS, dayStart, localDay } from '../../../../shared/trends/time';

/** The period presets on every trends panel, shortest first; `custom` is a range the operator picks. */
export const PERIOD_PRESETS = ['today', '7d', '30d', 'quarter', 'year', '5y', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** What a period is compared with: nothing, the period just before, or the same period a year earlier. */
export const COMPARISONS = ['none', 'previous', 'lastYear'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A half-open range of instants: `from` ≤ t < `to`, as ISO strings (what the API and the inbox link take). */
export interface Range {
  from: string;
  to: string;
}

/** A calendar day in the workspace's time zone. */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

export const WORKSPACE_TIME_ZONE = TRENDS_TIME_ZONE;

function dayFromNumber(dayNumber: number): LocalDay {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The calendar day an instant falls on in Amsterdam (the same day numbers the engine buckets by). */
export function localDayOf(instant: number): LocalDay {
  return dayFromNumber(localDay(instant));
}

/** Day arithmetic on the calendar (months and years roll over the way a person counts them). */
export function addDays(day: LocalDay, days: number): LocalDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addMonths(day: LocalDay, months: number): LocalDay {
  const date = new Date(Date.UTC(day.year, day.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: Math.min(day.day, lastDay) };
}

/** The instant a local day starts in Amsterdam (midnight). */
export function startOfLocalDay(day: LocalDay): number {
  return dayStart(Date.UTC(day.year, day.month - 1, day.day) / DAY_MS);
}

/** `yyyy-mm-dd`, the value of an `<input type="date">`. */
export function formatLocalDay(day: LocalDay): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
}

export function parseLocalDay(value: string): LocalDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatLocalDay(addDays(day, 0)) === value ? day : null;
}

function range(fromDay: LocalDay, toDayExclusive: LocalDay): Range {
  return {
    from: new Date(startOfLocalDay(fromDay)).toISOString(),
    to: new Date(startOfLocalDay(toDayExclusive)).toISOString(),
  };
}

/**
 * The range of a preset: whole local days ending with today, so every bucket is complete in shape.
 * `all` starts at the day of the oldest mention (`firstMentionAt`), or today in an empty workspace.
 */
export function presetRange(preset: PeriodPreset, now: number, firstMentionAt: string | null): Range {
  const today = localDayOf(now);
  const tomorrow = addDays(today, 1);
  switch (preset) {
    case 'today':
      return range(today, tomorrow);
    case '7d':
      return range(addDays(today, -6), tomorrow);
    case '30d':
      return range(addDays(today, -29), tomorrow);
    case 'quarter':
      return range(addMonths(tomorrow, -3), tomorrow);
    case 'year':
      return range(addMonths(tomorrow, -12), tomorrow);
    case '5y':
      return range(addMonths(tomorrow, -60), tomorrow);
    case 'all':
      return range(firstMentionAt ? localDayOf(Date.parse(firstMentionAt)) : today, tomorrow);
  }
}

/** A custom range from two inclusive local days (the date pickers), or null when it is not a range. */
export function customRange(fromValue: string, toValue: string): Range | null {
  const fromDay = parseLocalDay(fromValue);
  const toDay = parseLocalDay(toValue);
  if (!fromDay || !toDay || formatLocalDay(fromDay) > formatLocalDay(toDay)) return null;
  return range(fromDay, addDays(toDay, 1));
}

/** The inclusive local days of a range, for showing it in the date pickers. */
export function rangeDays(value: Range): { from: string; to: string } {
  return {
    from: formatLocalDay(localDayOf(Date.parse(value.from))),
    to: formatLocalDay(localDayOf(Date.parse(value.to) - 1)),
  };
}

/** Days a panel still draws day by day: five years and a bit, drawn as lines sampled with LTTB. */
export const MAX_DAYS = 2000;

/**
 * The granularity a panel asks for: the operator's choice, or on automatic hours up to a week (the rhythm
 * of a day stays visible), days up to five years (a one-day incident stays a peak; the charts sample
 * long series down to the pixels they have with LTTB), weeks beyond that.
 */
export function displayGranularity(value: Range, choice: Granularity | 'auto'): Granularity {
  if (choice !== 'auto') return choice;
  const span = Date.parse(value.to) - Date.parse(value.from);
  if (span <= 7 * DAY_MS + HOUR_MS) return 'hour';
  return span <= MAX_DAYS * DAY_MS ? 'day' : 'week';
}
