import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../shared/api/events';
import { ok, type Result } from '../../shared/api/result';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../preload/channels';
import { startEngineWorker } from '../engine/client';
import * as mockedElectron from 'electron';
import { FakeWebContents, type fake as Fake } from './fake-electron';
import { keychainSecretKey } from './secret-key';

vi.mock('electron', async () => (await import('./fake-electron')).fake);
vi.mock('../engine/client', () => ({ startEngineWorker: vi.fn() }));
// The keychain itself is tested in secret-key.test.ts; here only that main asks it, after ready, and passes the key on.
vi.mock('./secret-key', () => ({ keychainSecretKey: vi.fn() }));

// The fakes main/index.ts really gets: modules are reset between launches, the 'electron' mock is not.
const fake = mockedElectron as unknown as typeof Fake;
const FakeBrowserWindow = fake.BrowserWindow;

/** A brand-new workspace: the engine has nothing yet. */
function emptyEngine() {
  const listeners = new Set<(event: EngineEvent) => void>();
  return {
    call: vi.fn(async (method: string): Promise<Result<unknown>> => {
      if (method === 'workspace.stats') {
        return ok({ mentions: 0, unread: 0, lastIngestAt: null, newestMentionAt: null, sources: 0 });
      }
      return ok({ method });
    }),
    subscribe: (listener: (event: EngineEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: vi.fn(async () => {}),
    emit: (event: EngineEvent) => listeners.forEach((listener) => listener(event)),
  };
}

const KEYCHAIN_KEY = Buffer.alloc(32, 7);

/** Loads main/index.ts afresh, as Electron would at start. */
async function launch(options: { lock?: boolean } = {}) {
  fake.reset();
  fake.app.requestSingleInstanceLock.mockReturnValue(options.lock ?? true);
  const engine = emptyEngine();
  vi.mocked(startEngineWorker).mockReset().mockResolvedValue(engine);
  vi.mocked(keychainSecretKey).mockReset().mockReturnValue(KEYCHAIN_KEY);
  vi.resetModules();
  await import('./index');
  return { engine };
}

beforeEach(() => {
  vi.stubEnv('WATCHPOST_DATA_DIR', '');
  vi.stubEnv('WATCHPOST_NO_DEMO', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('starting the desktop app', () => {
  it('opens the workspace in the user data folder with the worker next to the main bundle', async () => {
    await launch();
    fake.app.becomeReady();
    await vi.waitFor(() => expect(startEngineWorker).toHaveBeenCalledOnce());
    const [options] = vi.mocked(startEngineWorker).mock.calls[0]!;
    expect(options.dataDir).toBe('/home/operator/.config/Watchpost/');
    expect(options.workerFile).toMatch(/[/\\]engine-worker\.js$/);
  });

  it('starts the engine once Electron is ready, with the credential key the OS keychain keeps', async () => {
    await launch();
    await Promise.resolve();
    // safeStorage answers only after ready: nothing may ask it, or start the engine, before.
    expect(keychainSecretKey).not.toHaveBeenCalled();
    expect(startEngineWorker).not.toHaveBeenCalled();
    fake.app.becomeReady();
    await vi.waitFor(() => expect(startEngineWorker).toHaveBeenCalledOnce());
    expect(keychainSecretKey).toHaveBeenCalledWith(
      fake.safeStorage,
      '/home/operator/.config/Watchpost/',
      expect.any(Function),
    );
    expect(vi.mocked(startEngineWorker).mock.calls[0]![0].secretKey).toBe(KEYCHAIN_KEY);
  });

  it('lets the engine use its key file when the keychain cannot be used', async () => {
    await launch();
    vi.mocked(keychainSecretKey).mockReturnValue(null);
    fake.app.becomeReady();
    await vi.waitFor(() => expect(startEngineWorker).toHaveBeenCalledOnce());
    expect(vi.mocked(startEngineWorker).mock.calls[0]![0].secretKey).toBeUndefined();
  });

  it('shows the desk, generates the demo on an empty workspace and wires the door and events', async () => {
    const { engine } = await launch();
    expect(FakeBrowserWindow.created).toHaveLength(0); // nothing before Electron is ready
    fake.app.becomeReady();
    await vi.waitFor(() =>
      expect(engine.call).toHaveBeenCalledWith('demo.generate', { mentions: 100_000, years: 3, seed: 1 }),
    );
    const [desk] = FakeBrowserWindow.created;
    expect(desk!.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();

    const page = desk!.webContents;
    const handle = fake.ipcMain.handlers.get(CALL_CHANNEL)!;
    expect(await handle({ sender: page, senderFrame: page.frame() }, 'workspace.stats', {})).toMatchObject({
      ok: true,
    });
    expect(
      await handle({ sender: page, senderFrame: page.frame({ url: 'https://evil.example/' }) }, 'workspace.stats', {}),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const added: EngineEvent = { name: 'mentions.added', payload: { count: 100_000, newestAt: null } };
    engine.emit(added);
    expect(page.sent).toContainEqual({ channel: EVENT_CHANNEL, message: added });
  });

  it('locks every page Electron creates against navigating away', async () => {
    await launch();
    const page = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, page);
    expect(page.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(page.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('hands over to the running copy when Watchpost is already open', async () => {
    await launch({ lock: false });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(startEngineWorker).not.toHaveBeenCalled();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('brings the desk forward when a second copy is started', async () => {
    await launch();
    fake.app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    fake.app.emit('second-instance');
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(FakeBrowserWindow.created[0]!.focus).toHaveBeenCalled();
  });
});
