// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MentionRow } from '../../../shared/domain/mention';
import type { Result } from '../../../shared/api/result';
import type { WatchpostBridge } from './bridge';
import { ApiError, createClient, pickTransport } from './client';
import { httpTransport } from './http';

const origin = 'http://127.0.0.1:4321';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function fakeBridge(result: Result<unknown>): WatchpostBridge & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    version: '0.1.0',
    call: async (method, input) => {
      calls.push([method, input]);
      return result;
    },
    subscribe: () => () => {},
  };
}

/** A WebSocket stand-in the test drives by hand: open, message, drop. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.onopen?.();
  }
  send(name: string, payload: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ name, payload }) });
  }
  drop(): void {
    this.onclose?.();
  }
}

function socketTransport(pageOrigin = origin) {
  FakeSocket.instances = [];
  return httpTransport({
    origin: pageOrigin,
    fetch: vi.fn(),
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    minDelayMs: 100,
    maxDelayMs: 1_000,
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('choosing a transport', () => {
  it('uses IPC when the Electron preload exposed window.watchpost', async () => {
    const bridge = fakeBridge({ ok: true, value: { mentions: 3000 } });
    const transport = pickTransport({ watchpost: bridge, location: window.location });
    expect(transport.kind).toBe('ipc');
    const client = createClient(transport);
    await expect(client.call('workspace.stats', {})).resolves.toEqual({ mentions: 3000 });
    expect(bridge.calls).toEqual([['workspace.stats', {}]]);
  });

  it('uses HTTP and the page origin when there is no bridge (browser, wall screen, Playwright)', () => {
    const transport = pickTransport({ watchpost: undefined, location: window.location });
    expect(transport.kind).toBe('http');
  });
});

describe('calls over HTTP', () => {
  it('posts the input as JSON to /api/<method> and returns the value', async () => {
    const rows: MentionRow[] = [];
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: { total: 0, offset: 0, rows } }));
    const client = createClient(httpTransport({ origin, fetch }));
    const page = await client.call('mentions.list', { offset: 200, limit: 100 });
    expect(page).toEqual({ total: 0, offset: 0, rows });
    expect(fetch).toHaveBeenCalledWith(`${origin}/api/mentions.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offset: 200, limit: 100 }),
    });
  });

  it('turns an error envelope (with a 4xx status) into an ApiError with code and message', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({ ok: false, error: { code: 'not_found', message: 'mention 42 does not exist' } }, 404),
    );
    const client = createClient(httpTransport({ origin, fetch }));
    const failure = await client.call('mentions.get', { id: 42 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'not_found', message: 'mention 42 does not exist', method: 'mentions.get' });
  });

  it('reports a body that is not a Watchpost envelope (a proxy error page) as unavailable', async () => {
    const fetch = vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 }));
    const client = createClient(httpTransport({ origin, fetch }));
    await expect(client.call('workspace.stats', {})).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('HTTP 502'),
    });
  });

  it('reports an unreachable host as unavailable, naming where it looked', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const client = createClient(httpTransport({ origin, fetch }));
    await expect(client.call('workspace.stats', {})).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining(origin),
    });
  });
});

describe('calls over IPC', () => {
  it('turns an error envelope from the bridge into an ApiError', async () => {
    const bridge = fakeBridge({ ok: false, error: { code: 'invalid_input', message: 'limit: too big' } });
    const client = createClient(pickTransport({ watchpost: bridge, location: window.location }));
    await expect(client.call('mentions.list', { limit: 100 })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'invalid_input',
      message: 'limit: too big',
    });
  });
});

describe('events over the WebSocket', () => {
  it('connects to /events on the same host, ws:// for http and wss:// for https', () => {
    socketTransport('http://127.0.0.1:4321').subscribe('mentions.added', () => {});
    expect(FakeSocket.instances[0]?.url).toBe('ws://127.0.0.1:4321/events');
    socketTransport('https://wall.example:8443').subscribe('mentions.added', () => {});
    expect(FakeSocket.instances[0]?.url).toBe('wss://wall.example:8443/events');
  });

  it('delivers each event to the listeners of that event only, over one shared socket', () => {
    const transport = socketTransport();
    const added = vi.fn();
    const progress = vi.fn();
    createClient(transport).subscribe('mentions.added', added);
    createClient(transport).subscribe('job.progress', progress);
    expect(FakeSocket.instances).toHaveLength(1);
    const socket = FakeSocket.instances[0]!;
    socket.open();
    socket.send('mentions.added', { count: 3, newestAt: null });
    expect(added).toHaveBeenCalledWith({ count: 3, newestAt: null });
    expect(progress).not.toHaveBeenCalled();
  });

  it('reconnects with growing delays after the socket drops, and reports the state', () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // no jitter: delays are exactly 100, 200, 400 ms
    const transport = socketTransport();
    const states: string[] = [];
    transport.onConnection((state) => states.push(state));
    const added = vi.fn();
    transport.subscribe('mentions.added', added);
    FakeSocket.instances[0]!.open();
    FakeSocket.instances[0]!.drop();
    expect(states).toEqual(['connecting', 'open', 'reconnecting']);

    vi.advanceTimersByTime(99);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.instances[1]!.drop(); // the host is still down
    vi.advanceTimersByTime(199);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(3);

    FakeSocket.instances[2]!.open();
    FakeSocket.instances[2]!.send('mentions.added', { count: 1, newestAt: null });
    expect(states.at(-1)).toBe('open');
    expect(added).toHaveBeenCalledTimes(1);
  });

  it('closes the socket when the last listener leaves, and does not reconnect', () => {
    vi.useFakeTimers();
    const transport = socketTransport();
    const stop = transport.subscribe('mentions.added', () => {});
    const socket = FakeSocket.instances[0]!;
    socket.open();
    stop();
    expect(socket.closed).toBe(true);
    socket.drop();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('ignores messages that are not JSON events instead of throwing', () => {
    const transport = socketTransport();
    const added = vi.fn();
    transport.subscribe('mentions.added', added);
    const socket = FakeSocket.instances[0]!;
    expect(() => socket.onmessage?.({ data: 'not json' })).not.toThrow();
    socket.onmessage?.({ data: JSON.stringify({ payload: {} }) });
    expect(added).not.toHaveBeenCalled();
  });
});
