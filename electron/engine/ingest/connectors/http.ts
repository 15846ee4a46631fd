import { STATUS_CODES } from 'node:http';
import { parseRateLimitReset, parseRetryAfter } from './backoff';
import { SourceError } from './errors';
import type { PollContext } from './types';

/** Larger answers are refused rather than read into memory: no feed or API page is this big. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

const USER_AGENT = 'Watchpost/0.1 (social media monitoring; +https://watchpost.invalid)';

export interface HttpCall {
  url: URL;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Status codes the caller handles itself besides 2xx (e.g. 304). */
  accept?: readonly number[];
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

/**
 * One HTTP exchange. Network trouble, 429, 5xx and other refusals become a SourceError whose message
 * an operator can read ("the server said 429 Too Many Requests"); Retry-After is kept for the scheduler.
 */
export async function httpCall(ctx: PollContext, call: HttpCall): Promise<HttpAnswer> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...call.headers };
  if (call.json !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await ctx.fetch(call.url, {
      method: call.method ?? 'GET',
      headers,
      body: call.json === undefined ? undefined : JSON.stringify(call.json),
      signal: ctx.signal,
      redirect: 'follow',
    });
  } catch (err) {
    throw networkError(err, call.url, ctx.signal);
  }
  const body = await readBody(response, call.url, ctx.signal);
  if (response.ok || call.accept?.includes(response.status)) {
    return { status: response.status, headers: response.headers, body };
  }
  throw statusError(response, call.url, body, ctx.now());
}

/** GET (or POST) expecting a JSON answer. */
export async function httpJson(ctx: PollContext, call: HttpCall, what: string): Promise<unknown> {
  const answer = await httpCall(ctx, { ...call, headers: { accept: 'application/json', ...call.headers } });
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw new SourceError('bad_response', `${what} from ${call.url.host} was not JSON: ${snippet(answer.body)}`);
  }
}

function statusError(response: Response, url: URL, body: Buffer, now: number): SourceError {
  const status = response.status;
  const said = `the server said ${status} ${response.statusText || STATUS_CODES[status] || ''}`.trimEnd();
  const parsed = parseBody(body);
  const detail = detailOf(parsed);
  const message = detail ? `${said} (${detail})` : said;
  const details = { status, body: parsed };
  if (status === 429 || status === 503) {
    const headers = response.headers;
    const retryAfterMs =
      parseRetryAfter(headers.get('retry-after'), now) ??
      (status === 429
        ? parseRateLimitReset(headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset'), now)
        : null) ??
      undefined;
    return new SourceError(status === 429 ? 'rate_limited' : 'server', message, { ...details, retryAfterMs });
  }
  if (status >= 500 || status === 408) return new SourceError('server', message, details);
  if (status === 401 || status === 403) {
    return new SourceError('auth', `${message}: check the credentials in the source's settings`, details);
  }
  if (status === 404 || status === 410) {
    return new SourceError('not_found', `${message} for ${url.pathname}: check the address`, details);
  }
  return new SourceError('rejected', message, details);
}

/** The human part of an API's error body: Mastodon `{error}`, atproto `{error, message}`, Google `{error: {message}}`. */
function detailOf(body: unknown): string | null {
  if (typeof body === 'string')
    return body.trim() && !body.trimStart().startsWith('<') ? body.trim().slice(0, 200) : null;
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string') return record.message;
  if (typeof record.error === 'string')
    return record.error_description ? `${record.error}: ${String(record.error_description)}` : record.error;
  const nested = record.error as Record<string, unknown> | undefined;
  if (nested && typeof nested.message === 'string') return nested.message;
  return null;
}

function parseBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 500);
  }
}

function networkError(err: unknown, url: URL, signal: AbortSignal): SourceError {
  if (signal.aborted) {
    const reason = signal.reason as Error | undefined;
    return reason?.name === 'TimeoutError'
      ? new SourceError('network', `${url.host} did not answer in time`)
      : new SourceError('cancelled', 'the poll was stopped');
  }
  const code = ((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) || '';
  const host = url.host;
  const why: Record<string, string> = {
    ECONNREFUSED: `could not connect to ${host} (connection refused)`,
    ENOTFOUND: `the name ${url.hostname} could not be found (check the address, or the network)`,
    EAI_AGAIN: `the name ${url.hostname} could not be looked up (no network?)`,
    ECONNRESET: `${host} closed the connection`,
    ETIMEDOUT: `${host} did not answer in time`,
    UND_ERR_CONNECT_TIMEOUT: `${host} did not answer in time`,
    UND_ERR_HEADERS_TIMEOUT: `${host} did not answer in time`,
    UND_ERR_SOCKET: `${host} closed the connection`,
  };
  const message =
    why[code] ?? `could not reach ${host} (${code || (err instanceof Error ? err.message : String(err))})`;
  return new SourceError('network', message);
}

async function readBody(response: Response, url: URL, signal: AbortSignal): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        await response.body.cancel().catch(() => undefined);
        throw new SourceError(
          'bad_response',
          `the answer from ${url.host} is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`,
        );
      }
      parts.push(Buffer.from(chunk));
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw networkError(err, url, signal);
  }
  return Buffer.concat(parts);
}

/** The start of a body, on one line, for an error message. */
export function snippet(body: Buffer | string, max = 80): string {
  const text = (typeof body === 'string' ? body : body.toString('utf8')).replace(/\s+/g, ' ').trim();
  return `'${text.length > max ? `${text.slice(0, max)}…` : text}'`;
}
