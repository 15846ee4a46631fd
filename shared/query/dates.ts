const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads an `after:` / `before:` value into milliseconds since the epoch, or null when it is not a
 * real moment (2026-02-30, 24:00). Without an offset the moment is taken in the engine's local time
 * zone, which is the operator's ("after:2026-01-01" means from local midnight).
 */
export function parseQueryDate(value: string): number | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const num = (part: string | undefined): number => (part === undefined ? 0 : Number(part));
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(num) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = num(m[7]?.padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[8];
  if (zone === undefined) {
    const local = new Date(year, month - 1, day, hour, minute, second, millis);
    // The Date constructor rolls 2026-02-30 over into March: a changed day means it was not a date.
    if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) return null;
    return local.getTime();
  }
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  if (zone === 'Z') return utc.getTime();
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetHours = Number(zone.slice(1, 3));
  const offsetMinutes = Number(zone.slice(4, 6));
  if (offsetHours > 14 || offsetMinutes > 59) return null;
  return utc.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}
