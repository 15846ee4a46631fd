/**
 * Why a poll failed, in the words an operator reads under the source's health.
 * `rate_limited`, `server` and `network` are worth retrying soon (with backoff); the others need a
 * person to change something (a token, an address) and are retried only at the normal interval.
 */
export type SourceErrorKind =
  'rate_limited' | 'server' | 'network' | 'auth' | 'not_found' | 'rejected' | 'bad_response' | 'config' | 'cancelled';

const RETRYABLE: ReadonlySet<SourceErrorKind> = new Set(['rate_limited', 'server', 'network']);

export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly details: {
      status?: number;
      /** How long the server asked us to wait (Retry-After), in milliseconds from now. */
      retryAfterMs?: number;
      /** The answer's body (parsed JSON, or text) for connectors that look closer (e.g. ExpiredToken). */
      body?: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'SourceError';
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** Any thrown value as a SourceError, so the scheduler always has plain words to show. */
export function asSourceError(err: unknown): SourceError {
  if (err instanceof SourceError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new SourceError('bad_response', `the poll stopped on an unexpected problem: ${message}`);
}
