/**
 * Reads a Retry-After header: delay-seconds ("120") or an HTTP date. Returns the wait in ms from
 * `now`, or null when the header is absent or unreadable (then ordinary backoff applies).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * Reads the rate-limit reset headers APIs send instead of Retry-After: Mastodon's
 * `X-RateLimit-Reset` (an ISO time) and the `RateLimit-Reset` of Bluesky (Unix seconds) or of the
 * IETF draft (seconds from now). Returns the wait in ms, or null.
 */
export function parseRateLimitReset(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    // Unix time is past 1e9; a delay of 30 years is not.
    return seconds > 1e9 ? Math.max(0, seconds * 1000 - now) : seconds * 1000;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface BackoffPolicy {
  /** Wait after the first error. */
  baseMs: number;
  /** Longest wait ordinary backoff will choose (a server's Retry-After may ask for longer). */
  capMs: number;
  /** Longest wait a Retry-After is honoured for, so a broken header cannot park a source for years. */
  retryAfterCapMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 60 * 60_000, retryAfterCapMs: 24 * 60 * 60_000 };

/**
 * Wait before the next try after `attempt` consecutive errors (1 = first): exponential, capped, with
 * "equal jitter" (between half and all of the step) so many sources that failed together do not all
 * come back at the same second. Never shorter than what the server asked for.
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | null | undefined,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(step / 2 + (step / 2) * random());
  const asked = retryAfterMs == null ? 0 : Math.min(retryAfterMs, policy.retryAfterCapMs);
  return Math.max(jittered, asked);
}
