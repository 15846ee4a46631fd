import type { Granularity } from '../api/trends';
import { AMSTERDAM_TRANSITIONS } from './zone';

/**
 * Bucket arithmetic of the trends (pure: usable in the engine and the renderer). Buckets are integers:
 * an hour is a UTC hour since the epoch; a day, week (ISO, Monday) and month are local days of
 * Europe/Amsterdam. The engine stores the rollups under these numbers.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const TRANSITION_MS = AMSTERDAM_TRANSITIONS.map(([seconds]) => seconds * 1000);

/** The UTC offset of Europe/Amsterdam at an instant, in ms (3,600,000 in winter, 7,200,000 in summer). */
export function zoneOffsetMs(ms: number): number {
  let lo = 0;
  let hi = TRANSITION_MS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (TRANSITION_MS[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? HOUR_MS : AMSTERDAM_TRANSITIONS[lo - 1]![1] * HOUR_MS;
}

/** The local day number (days since 1970-01-01 in Europe/Amsterdam) of an instant. */
export function localDay(ms: number): number {
  return Math.floor((ms + zoneOffsetMs(ms)) / DAY_MS);
}

/** The instant a local day number starts (local midnight). */
export function dayStart(day: number): number {
  const guess = day * DAY_MS - zoneOffsetMs(day * DAY_MS);
  // The offset at local midnight can differ from the one at UTC midnight around a change: correct once.
  return day * DAY_MS - zoneOffsetMs(guess);
}

/** The ISO week number (weeks since the Monday of 1969-12-29) of a local day. */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The month number (year × 12 + month − 1) of a local day. */
export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The first local day of a month number. */
export function monthFirstDay(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;
}

/** The bucket an instant falls in. */
export function bucketOf(granularity: Granularity, ms: number): number {
  if (granularity === 'hour') return Math.floor(ms / HOUR_MS);
  const day = localDay(ms);
  if (granularity === 'day') return day;
  if (granularity === 'week') return weekOfDay(day);
  return monthOfDay(day);
}

/** The instant a bucket starts. */
export function bucketStart(granularity: Granularity, bucket: number): number {
  if (granularity === 'hour') return bucket * HOUR_MS;
  if (granularity === 'day') return dayStart(bucket);
  if (granularity === 'week') return dayStart(bucket * 7 - 3);
  return dayStart(monthFirstDay(bucket));
}

/** The instant a bucket ends (the next one's start). */
export function bucketEnd(granularity: Granularity, bucket: number): number {
  return bucketStart(granularity, bucket + 1);
}

/** Local day of week (0 = Monday) and hour of an instant in Europe/Amsterdam. */
export function localHourOfWeek(ms: number): { dow: number; hour: number } {
  const local = ms + zoneOffsetMs(ms);
  const day = Math.floor(local / DAY_MS);
  return { dow: (((day + 3) % 7) + 7) % 7, hour: Math.floor((local - day * DAY_MS) / HOUR_MS) };
}
