import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { fail, ok, type Result } from '../../shared/api/result';
import { closeEngineOnQuit, DEMO_WORKSPACE, ensureDemoWorkspace, workspaceFolder } from './lifecycle';

function engineWith(stats: Result<unknown>) {
  return {
    call: vi.fn(async (method: string): Promise<Result<unknown>> => {
      if (method === 'workspace.stats') return stats;
      return ok({ id: 'job-1', kind: 'demo' });
    }),
  };
}

const empty = ok({ mentions: 0, unread: 0, lastIngestAt: null, newestMentionAt: null, sources: 0 });

describe('the first start', () => {
  it('fills an empty workspace with the demo: 100,000 mentions over 3 years, seed 1', async () => {
    const engine = engineWith(empty);
    expect(await ensureDemoWorkspace(engine, {})).toBe('generated');
    expect(engine.call).toHaveBeenLastCalledWith('demo.generate', { mentions: 100_000, years: 3, seed: 1 });
    expect(DEMO_WORKSPACE).toEqual({ mentions: 100_000, years: 3, seed: 1 });
  });

  it('leaves a workspace with mentions or sources alone', async () => {
    for (const stats of [
      { mentions: 5, unread: 5, lastIngestAt: null, newestMentionAt: null, sources: 1 },
      { mentions: 0, unread: 0, lastIngestAt: null, newestMentionAt: null, sources: 1 },
    ]) {
      const engine = engineWith(ok(stats));
      expect(await ensureDemoWorkspace(engine, {})).toBe('workspace has data');
      expect(engine.call).not.toHaveBeenCalledWith('demo.generate', expect.anything());
    }
  });

  it('keeps the workspace empty when WATCHPOST_NO_DEMO=1', async () => {
    const engine = engineWith(empty);
    expect(await ensureDemoWorkspace(engine, { WATCHPOST_NO_DEMO: '1' })).toBe('switched off');
    expect(engine.call).not.toHaveBeenCalled();
  });

  it('says why when the engine cannot tell whether the workspace is empty', async () => {
    const engine = engineWith(fail('unavailable', 'the engine has stopped'));
    expect(await ensureDemoWorkspace(engine, {})).toBe('failed: the engine has stopped');
  });

  it("keeps the workspace in Electron's user data folder unless WATCHPOST_DATA_DIR names another", () => {
    const app = { getPath: (name: string) => `/home/ops/.config/${name}` };
    expect(workspaceFolder(app, {})).toBe('/home/ops/.config/userData');
    expect(workspaceFolder(app, { WATCHPOST_DATA_DIR: '/srv/watchpost' })).toBe('/srv/watchpost');
  });
});

describe('quitting', () => {
  function fakeApp() {
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
    const quitAttempt = () => {
      const event = { preventDefault: vi.fn() };
      app.emit('will-quit', event);
      return event;
    };
    // Only the will-quit event and quit() are used; the casts say so once, here.
    return { app, electronApp: app as unknown as Parameters<typeof closeEngineOnQuit>[0], quitAttempt };
  }

  it('holds the quit until the engine has closed the workspace, then quits', async () => {
    const { app, electronApp, quitAttempt } = fakeApp();
    let finishClosing!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClosing = resolve)));
    closeEngineOnQuit(electronApp, Promise.resolve({ close }));
    expect(quitAttempt().preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(app.quit).not.toHaveBeenCalled();
    finishClosing();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(quitAttempt().preventDefault).not.toHaveBeenCalled();
  });

  it('quits anyway when the engine does not close in time', async () => {
    const { app, electronApp, quitAttempt } = fakeApp();
    closeEngineOnQuit(electronApp, Promise.resolve({ close: () => new Promise<void>(() => {}) }), 20);
    quitAttempt();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
  });

  it('quits straight away when the engine never opened', async () => {
    const { app, electronApp, quitAttempt } = fakeApp();
    const never = Promise.reject(new Error('no workspace'));
    never.catch(() => {});
    closeEngineOnQuit(electronApp, never);
    quitAttempt();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
  });
});
