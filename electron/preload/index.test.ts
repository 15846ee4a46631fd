import { beforeEach, describe, expect, it, vi } from 'vitest';
import pkg from '../../package.json';
import type { WatchpostBridge } from './bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

const electron = await vi.hoisted(async () => {
  // ipcRenderer as the preload sees it: an emitter for messages from main, plus invoke().
  const { EventEmitter } = await import('node:events');
  const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn() });
  const contextBridge = { exposeInMainWorld: vi.fn() };
  return { ipcRenderer, contextBridge };
});
vi.mock('electron', () => electron);

/** What main sends on the event channel; the first argument is Electron's IpcRendererEvent. */
function fromMain(message: unknown): void {
  electron.ipcRenderer.emit(EVENT_CHANNEL, { sender: electron.ipcRenderer, senderId: 0 }, message);
}

let bridge: WatchpostBridge;

beforeEach(async () => {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.invoke.mockReset();
  electron.ipcRenderer.removeAllListeners();
  await import('./index');
  bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as WatchpostBridge;
});

describe('window.watchpost', () => {
  it('is exposed once, as "watchpost", with exactly call, subscribe and version', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('watchpost');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe', 'version']);
    expect(bridge.version).toBe(pkg.version);
  });

  it('sends a call over the one call channel and returns the answer from main', async () => {
    const answer = { ok: true, value: { mentions: 3 } };
    electron.ipcRenderer.invoke.mockResolvedValue(answer);
    expect(await bridge.call('workspace.stats', {})).toEqual(answer);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(CALL_CHANNEL, 'workspace.stats', {});
  });

  it('turns a failed IPC round trip into an "unavailable" Result instead of throwing', async () => {
    electron.ipcRenderer.invoke.mockRejectedValue(new Error("No handler registered for 'watchpost:call'"));
    expect(await bridge.call('workspace.stats', {})).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: "the desktop app did not answer workspace.stats: No handler registered for 'watchpost:call'",
      },
    });
  });

  it('delivers only the payload of the event the page subscribed to', () => {
    const progress = vi.fn();
    bridge.subscribe('job.progress', progress);
    fromMain({ name: 'mentions.added', payload: { count: 5, newestAt: null } });
    fromMain('not an event');
    fromMain(null);
    expect(progress).not.toHaveBeenCalled();
    const job = { id: 'j1', kind: 'demo', label: 'demo', state: 'running', done: 10, total: 100 };
    fromMain({ name: 'job.progress', payload: job });
    // The IpcRendererEvent (which carries ipcRenderer itself) never reaches the page.
    expect(progress.mock.calls).toEqual([[job]]);
  });

  it('stops delivering after unsubscribe, and leaves no listener behind', () => {
    const added = vi.fn();
    const unsubscribe = bridge.subscribe('mentions.added', added);
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(1);
    unsubscribe();
    fromMain({ name: 'mentions.added', payload: { count: 1, newestAt: null } });
    expect(added).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('refuses a subscription without a callback', () => {
    expect(() => bridge.subscribe('mentions.added', undefined as never)).toThrow(/needs an event name and a function/);
  });
});
