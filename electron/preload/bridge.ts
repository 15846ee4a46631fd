import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { EngineEvent, EventName, EventPayload } from '../../shared/api/events';
import type { Result } from '../../shared/api/result';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

/** What the page sees as `window.watchpost`: the whole surface of the desktop app, and nothing more. */
export interface WatchpostBridge {
  call(method: string, input?: unknown): Promise<Result<unknown>>;
  subscribe<E extends EventName>(eventName: E, callback: (payload: EventPayload<E>) => void): () => void;
  readonly version: string;
}

type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function isEngineEvent(message: unknown): message is EngineEvent {
  return typeof message === 'object' && message !== null && typeof (message as { name?: unknown }).name === 'string';
}

/**
 * Builds the bridge over ipcRenderer. The page never receives the IpcRendererEvent (it carries `sender`,
 * which would hand the page ipcRenderer itself), only the payload of the event it asked for.
 */
export function createBridge(ipc: BridgeIpc, version: string): WatchpostBridge {
  return {
    // The result is spelled out instead of using fail() from shared/api/result, which would pull zod into the preload.
    call: (method, input) =>
      ipc.invoke(CALL_CHANNEL, method, input).catch((err: unknown) => ({
        ok: false as const,
        error: {
          code: 'unavailable' as const,
          message: `the desktop app did not answer ${String(method)}: ${err instanceof Error ? err.message : String(err)}`,
        },
      })),
    subscribe: (eventName, callback) => {
      if (typeof eventName !== 'string' || typeof callback !== 'function') {
        throw new TypeError('watchpost.subscribe(eventName, callback) needs an event name and a function');
      }
      const listener = (_event: IpcRendererEvent, message: unknown): void => {
        if (isEngineEvent(message) && message.name === eventName) {
          callback(message.payload as EventPayload<typeof eventName>);
        }
      };
      ipc.on(EVENT_CHANNEL, listener);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, listener);
      };
    },
    version,
  };
}
