import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRateLimitReset, parseRetryAfter } from './backoff';

const NOW = Date.parse('2026-11-02T12:00:00Z');

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Nov 2026 12:05:00 GMT', NOW)).toBe(300_000);
    expect(parseRetryAfter('Mon, 02 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });
});

describe('rate-limit reset headers', () => {
  it('reads an ISO time (Mastodon), Unix seconds (Bluesky) and delta seconds (IETF draft)', () => {
    expect(parseRateLimitReset('2026-11-02T12:05:00.000Z', NOW)).toBe(300_000);
    expect(parseRateLimitReset(String(NOW / 1000 + 90), NOW)).toBe(90_000);
    expect(parseRateLimitReset('45', NOW)).toBe(45_000);
    expect(parseRateLimitReset('', NOW)).toBeNull();
  });
});

describe('backoff delay', () => {
  it('doubles per error, stays within half and all of the step, and stops at the cap', () => {
    const policy = { baseMs: 1000, capMs: 8000, retryAfterCapMs: 60_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, null, () => 1, policy))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, null, () => 0, policy))).toEqual([500, 1000, 2000, 4000, 4000]);
  });

  it('never comes back before the server asked, up to a sane limit', () => {
    const policy = { baseMs: 1000, capMs: 8000, retryAfterCapMs: 60_000 };
    expect(backoffDelay(1, 30_000, () => 0.5, policy)).toBe(30_000);
    expect(backoffDelay(1, 10 * 86_400_000, () => 0.5, policy)).toBe(60_000);
  });
});
