import type { Granularity } from '../../../../shared/api/trends';
import { WORKSPACE_TIME_ZONE } from './period';

/** Number and date formats of the charts, in the UI's locale (nl-NL or en-GB) and the workspace's time zone. */
export interface ChartFormat {
  number(value: number): string;
  /** A share 0..1 as a percentage. */
  percent(value: number): string;
  /** Net sentiment −1..1 with a sign: "+0,12". */
  signed(value: number): string;
  /** A relative change (0.25 → "+25%"). */
  change(value: number): string;
  /** An axis label for a bucket start. */
  bucket(iso: string, granularity: Granularity): string;
  /** A bucket in a tooltip, with enough detail to tell it from its neighbours. */
  bucketLong(iso: string, granularity: Granularity): string;
  day(iso: string): string;
}

const cache = new Map<string, ChartFormat>();

/** A value made on first use: an Intl formatter with a time zone costs milliseconds to make, more under load. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * The formats of a locale, each formatter made the first time it is used: a page of panels uses a few of
 * the twelve (a day axis never needs the hour or month formats), and the first render of Trends waited for
 * all of them.
 */
export function chartFormat(locale: string): ChartFormat {
  const cached = cache.get(locale);
  if (cached) return cached;
  const timeZone = WORKSPACE_TIME_ZONE;
  const number = once(() => new Intl.NumberFormat(locale));
  const percent = once(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }));
  const signed = once(
    () =>
      new Intl.NumberFormat(locale, {
        signDisplay: 'exceptZero',
        maximumFractionDigits: 2,
        minimumFractionDigits: 2,
      }),
  );
  const change = once(
    () =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        signDisplay: 'exceptZero',
        maximumFractionDigits: 0,
      }),
  );
  const dates = (options: Intl.DateTimeFormatOptions) =>
    once(() => new Intl.DateTimeFormat(locale, { timeZone, ...options }));
  const formats: Record<Granularity, () => Intl.DateTimeFormat> = {
    hour: dates({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
    day: dates({ day: 'numeric', month: 'short', year: '2-digit' }),
    week: dates({ day: 'numeric', month: 'short', year: '2-digit' }),
    month: dates({ month: 'short', year: 'numeric' }),
  };
  const long: Record<Granularity, () => Intl.DateTimeFormat> = {
    hour: dates({
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
    day: dates({ weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }),
    week: dates({ day: 'numeric', month: 'long', year: 'numeric' }),
    month: dates({ month: 'long', year: 'numeric' }),
  };
  const day = dates({ day: 'numeric', month: 'short', year: 'numeric' });
  const format: ChartFormat = {
    number: (value) => number().format(value),
    percent: (value) => percent().format(value),
    signed: (value) => signed().format(value),
    change: (value) => change().format(value),
    bucket: (iso, granularity) => formats[granularity]().format(new Date(iso)),
    bucketLong: (iso, granularity) => long[granularity]().format(new Date(iso)),
    day: (iso) => day().format(new Date(iso)),
  };
  cache.set(locale, format);
  return format;
}
