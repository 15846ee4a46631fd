import type { SourceError } from './errors';

export type SourceHealthState = 'ok' | 'backing_off' | 'failing';

/** What the settings screen shows for one live source. Times are ms since the epoch. */
export interface SourceHealth {
  sourceId: number;
  health: SourceHealthState;
  lastSuccessAt: number | null;
  /** In plain words, with when the next try is: "the server said 429 Too Many Requests; next try at 14:05". */
  lastError: string | null;
  nextPollAt: number | null;
  polling: boolean;
}

/**
 * The health after `consecutiveErrors` errors in a row, the last one `error`: a problem a person
 * must fix (a token, an address) is failing at once; a passing one (rate limit, outage, network)
 * is backing off until it has happened `failAfter` times in a row.
 */
export function healthAfterError(error: SourceError, consecutiveErrors: number, failAfter: number): SourceHealthState {
  if (!error.retryable) return 'failing';
  return consecutiveErrors >= failAfter ? 'failing' : 'backing_off';
}

/** "14:05", or "3 Dec, 14:05" when the time is not within the next 12 hours. */
export function clockText(at: number, now: number, timeZone?: string): string {
  const sameDay = at - now < 12 * 3600_000;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
  }).format(at);
}

export function errorWithNextTry(error: SourceError, nextAt: number, now: number, timeZone?: string): string {
  return `${error.message}; next try at ${clockText(nextAt, now, timeZone)}`;
}
