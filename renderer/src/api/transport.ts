import type { Result } from '../../../shared/api/result';

/** Whether live events are flowing. The status bar shows it; a reconnect means events may have been missed. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/** One way of reaching the engine: Electron IPC or HTTP + WebSocket. The client above it is the same. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(event: string, callback: (payload: unknown) => void): () => void;
  onConnection(callback: (state: ConnectionState) => void): () => void;
}
