import type { MethodName } from '../../../shared/api/contract';
import type { EventName } from '../../../shared/api/events';
import type { Result } from '../../../shared/api/result';

/** What the Electron preload exposes through contextBridge, and nothing more. */
export interface WatchpostBridge {
  call(method: MethodName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, callback: (payload: unknown) => void): () => void;
  readonly version: string;
}

declare global {
  interface Window {
    /** Present only inside the Electron desk window; the browser build talks HTTP instead. */
    watchpost?: WatchpostBridge;
  }
}
