import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EngineClient } from '../engine/client';
import { fail, WatchpostError, type Result } from '../../shared/api/result';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../preload/channels';

/** Longer than any method name in the contract by far; a longer string is not a method. */
const MAX_METHOD_LENGTH = 200;

export interface SenderPolicy {
  /** True for the pages of windows Watchpost opened itself. */
  owns(contents: WebContents): boolean;
  isAppUrl(url: string): boolean;
}

/**
 * A call is answered only when it comes from the main frame of one of our windows showing our own page:
 * not from an iframe, not from a page that somehow navigated elsewhere, not from a frame already gone.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, policy: SenderPolicy): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return policy.owns(event.sender) && policy.isAppUrl(frame.url);
}

/**
 * The Electron door: one `ipcMain.handle` channel in front of the engine. The engine validates method
 * and input itself; this door only decides who may knock. It always answers with a Result, never throws.
 * `engine` may still be opening the workspace; calls wait for it, and get its error if it cannot open.
 */
export function openEngineDoor(engine: Promise<Pick<EngineClient, 'call'>>, policy: SenderPolicy): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, policy)) {
      return fail('invalid_input', 'this call did not come from a Watchpost window and was refused');
    }
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return fail(
        'invalid_input',
        `the method name must be a short text, e.g. "workspace.stats"; got ${describe(method)}`,
      );
    }
    try {
      return await (await engine).call(method, input);
    } catch (err) {
      if (err instanceof WatchpostError) return fail(err.code, err.message);
      return fail(
        'internal',
        `${method} failed in the desktop app: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** Every engine event goes to every open window; each page picks the events it subscribed to. */
export function forwardEngineEvents(
  engine: Pick<EngineClient, 'subscribe'>,
  recipients: () => Iterable<WebContents>,
): () => void {
  return engine.subscribe((event) => {
    for (const contents of recipients()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
    }
  });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length === 0 ? 'an empty text' : `a text of ${value.length} characters`;
  return value === null ? 'null' : typeof value;
}
