import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { EventName, EventPayload } from '../../../shared/api/events';
import type { ErrorCode } from '../../../shared/api/result';
import './bridge';
import { httpTransport } from './http';
import { ipcTransport } from './ipc';
import type { ConnectionState, Transport } from './transport';

/** A failed call, rebuilt in the renderer: `code` for code to branch on, `message` for a person. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly method: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  readonly transport: Transport['kind'];
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
  onConnection(callback: (state: ConnectionState) => void): () => void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    transport: transport.kind,
    async call(method, input) {
      const result = await transport.call(method, input);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message, method);
      return result.value as MethodOutput<typeof method>;
    },
    subscribe(event, callback) {
      return transport.subscribe(event, (payload) => callback(payload as EventPayload<typeof event>));
    },
    onConnection: (callback) => transport.onConnection(callback),
  };
}

/** IPC inside Electron (the preload put `window.watchpost` there); HTTP + WebSocket everywhere else. */
export function pickTransport(win: Pick<Window, 'watchpost' | 'location'>): Transport {
  if (win.watchpost) return ipcTransport(win.watchpost);
  return httpTransport({ origin: win.location.origin });
}

let defaultClient: ApiClient | null = null;

function client(): ApiClient {
  defaultClient ??= createClient(pickTransport(window));
  return defaultClient;
}

export function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return client().call(method, input);
}

export function subscribe<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
  return client().subscribe(event, callback);
}

/** How this window reaches the engine: 'ipc' in the desktop app, 'http' in a browser. */
export function transportKind(): ApiClient['transport'] {
  return client().transport;
}

export function onConnection(callback: (state: ConnectionState) => void): () => void {
  return client().onConnection(callback);
}
