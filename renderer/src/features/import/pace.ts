/** One progress report of a running import: bytes done at a moment (ms). */
export interface Sample {
  at: number;
  done: number;
}

/** Only the last seconds count for the rate, so a slow start does not spoil the estimate. */
const WINDOW_MS = 8_000;

/**
 * Bytes per second over the recent samples and the seconds left at that pace; null while there is
 * too little to go on (one sample, no movement yet).
 */
export function importPace(
  samples: readonly Sample[],
  total: number | null,
): { rate: number; secondsLeft: number | null } | null {
  const last = samples.at(-1);
  if (!last) return null;
  const first = samples.find((sample) => last.at - sample.at <= WINDOW_MS) ?? last;
  const elapsed = (last.at - first.at) / 1000;
  if (elapsed <= 0 || last.done <= first.done) return null;
  const rate = (last.done - first.done) / elapsed;
  const secondsLeft = total === null ? null : Math.max(0, Math.round((total - last.done) / rate));
  return { rate, secondsLeft };
}

/** "12.3 MB" in the UI's locale: the unit that keeps the number between 1 and 1000. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** "45 s" or "3 min" in the UI's locale. */
export function formatDuration(seconds: number, locale: string): string {
  const minutes = seconds >= 90;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: minutes ? 'minute' : 'second',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  }).format(minutes ? Math.round(seconds / 60) : Math.max(1, seconds));
}
