import type { Result } from '../../../shared/api/result';
import type { ConnectionState, Transport } from './transport';

export interface HttpTransportOptions {
  /** The page's own origin, e.g. `http://127.0.0.1:4321`. The API and the event socket live there. */
  origin: string;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  /** Reconnect delays grow from `minDelayMs` to `maxDelayMs`; tests shorten them. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** Turns whatever came back into the Result envelope, so callers handle one shape. */
async function readEnvelope(response: Response): Promise<Result<unknown>> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Result<unknown>;
    if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body;
  } catch {
    // fall through: not JSON, e.g. a proxy's HTML error page
  }
  return {
    ok: false,
    error: { code: 'unavailable', message: `the server answered HTTP ${response.status} without a Watchpost reply` },
  };
}

/** HTTP for calls (`POST /api/<method>`), one shared WebSocket at `/events` for push events. */
export function httpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 15_000;
  const eventsUrl = new URL('/events', options.origin);
  eventsUrl.protocol = eventsUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function setState(next: ConnectionState): void {
    state = next;
    for (const callback of connectionListeners) callback(next);
  }

  function hasListeners(): boolean {
    return listeners.size > 0 || connectionListeners.size > 0;
  }

  function connect(): void {
    if (socket || retryTimer) return;
    const ws = new Socket(eventsUrl.href);
    socket = ws;
    ws.onopen = () => {
      failures = 0;
      setState('open');
    };
    ws.onmessage = (message) => {
      let event: { name?: unknown; payload?: unknown };
      try {
        event = JSON.parse(String(message.data)) as { name?: unknown; payload?: unknown };
      } catch {
        return;
      }
      if (typeof event.name !== 'string') return;
      for (const callback of listeners.get(event.name) ?? []) callback(event.payload);
    };
    ws.onclose = () => {
      socket = null;
      if (!hasListeners()) return;
      setState('reconnecting');
      // Exponential backoff with jitter, so a room full of wall screens does not reconnect in lockstep.
      const delay = Math.min(maxDelay, minDelay * 2 ** failures) * (0.75 + Math.random() * 0.5);
      failures += 1;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (hasListeners()) connect();
      }, delay);
    };
  }

  function disconnectIfIdle(): void {
    if (hasListeners()) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    socket?.close();
    socket = null;
  }

  return {
    kind: 'http',
    async call(method, input) {
      let response: Response;
      try {
        response = await doFetch(new URL(`/api/${encodeURIComponent(method)}`, options.origin).href, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'unavailable', message: `Watchpost at ${options.origin} cannot be reached` },
        };
      }
      return readEnvelope(response);
    },
    subscribe(event, callback) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(callback);
      connect();
      return () => {
        set.delete(callback);
        if (set.size === 0) listeners.delete(event);
        disconnectIfIdle();
      };
    },
    onConnection(callback) {
      connectionListeners.add(callback);
      callback(state);
      connect();
      return () => {
        connectionListeners.delete(callback);
        disconnectIfIdle();
      };
    },
  };
}
