/** Local time in the Netherlands and the feast days that move the city's rhythm. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface LocalTime {
  /** 0–23 on the Dutch clock. */
  hour: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 0-based day within the year. */
  dayOfYear: number;
  /** Local calendar day counted from 1970-01-01, for comparing dates. */
  day: number;
  year: number;
}

/**
 * Europe/Amsterdam without a time-zone database: CET, and CEST from the last Sunday of March to the last
 * Sunday of October (01:00 UTC both), the EU rule since 1996. Done by hand so the demo gives the same
 * hours on every machine, whatever ICU data the runtime ships.
 */
export function amsterdamOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayAt1Utc(year, 2) && utcMs < lastSundayAt1Utc(year, 9) ? 2 * HOUR_MS : HOUR_MS;
}

export function localTime(utcMs: number): LocalTime {
  const local = new Date(utcMs + amsterdamOffsetMs(utcMs));
  const year = local.getUTCFullYear();
  const day = Math.floor(local.getTime() / DAY_MS);
  return {
    hour: local.getUTCHours(),
    weekday: local.getUTCDay(),
    dayOfYear: day - Date.UTC(year, 0, 1) / DAY_MS,
    day,
    year,
  };
}

function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0, 1);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
}

/** Easter Sunday (Gregorian, the anonymous algorithm) as a local day number. */
export function easterDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, dayOfMonth) / DAY_MS;
}

export type FeastDay = 'carnaval' | 'kingsday' | null;

const feastCache = new Map<number, { carnavalStart: number; kingsday: number }>();

/** Carnaval (Saturday to Tuesday before Ash Wednesday, big in Brabant) and King's Day (27 April, 26th on a Sunday). */
export function feastDay(local: LocalTime): FeastDay {
  let feasts = feastCache.get(local.year);
  if (!feasts) {
    const april27 = Date.UTC(local.year, 3, 27) / DAY_MS;
    const sunday = new Date(april27 * DAY_MS).getUTCDay() === 0;
    feasts = { carnavalStart: easterDay(local.year) - 50, kingsday: sunday ? april27 - 1 : april27 };
    feastCache.set(local.year, feasts);
  }
  if (local.day >= feasts.carnavalStart && local.day <= feasts.carnavalStart + 3) return 'carnaval';
  if (local.day === feasts.kingsday) return 'kingsday';
  return null;
}
