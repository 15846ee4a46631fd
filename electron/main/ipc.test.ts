import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import type { EngineEvent } from '../../shared/api/events';
import { ok, WatchpostError, type Result } from '../../shared/api/result';
import { createDispatcher, type Handlers } from '../engine/dispatcher';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../preload/channels';
import { fake, FakeWebContents, type IpcHandler } from './fake-electron';
import { forwardEngineEvents, openEngineDoor } from './ipc';

vi.mock('electron', async () => (await import('./fake-electron')).fake);

const APP_PAGE = 'file:///opt/Watchpost/out/renderer/index.html';
const STATS = { mentions: 3, unread: 1, lastIngestAt: null, newestMentionAt: null, sources: 1 };

/** The engine's real dispatcher with one handler: answers exactly as the engine would. */
function engineWithStats() {
  const dispatch = createDispatcher({ 'workspace.stats': () => STATS } as unknown as Handlers);
  return { call: vi.fn((method: string, input: unknown) => dispatch(method, input)) };
}

let desk: FakeWebContents;
let stranger: FakeWebContents;

function door(engine: Promise<{ call(method: string, input: unknown): Promise<Result<unknown>> }>): IpcHandler {
  openEngineDoor(engine, {
    owns: (contents) => contents === (desk as unknown as WebContents),
    isAppUrl: (url) => url.split('#')[0] === APP_PAGE,
  });
  return fake.ipcMain.handlers.get(CALL_CHANNEL)!;
}

function from(page: FakeWebContents, frame: object | null = page.frame()): object {
  return { sender: page, senderFrame: frame };
}

beforeEach(() => {
  fake.ipcMain.handlers.clear();
  desk = new FakeWebContents();
  desk.url = `${APP_PAGE}#/inbox`;
  stranger = new FakeWebContents();
  stranger.url = 'https://evil.example/';
});

describe('the engine door', () => {
  it('is one handler on one channel', () => {
    door(Promise.resolve(engineWithStats()));
    expect([...fake.ipcMain.handlers.keys()]).toEqual([CALL_CHANNEL]);
  });

  it('forwards a call from the desk and returns the engine answer', async () => {
    const engine = engineWithStats();
    const handle = door(Promise.resolve(engine));
    expect(await handle(from(desk), 'workspace.stats', {})).toEqual(ok(STATS));
    expect(engine.call).toHaveBeenCalledWith('workspace.stats', {});
  });

  it('passes the engine refusal of an unknown method through unchanged', async () => {
    const handle = door(Promise.resolve(engineWithStats()));
    expect(await handle(from(desk), 'mentions.delete_everything', {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'there is no method "mentions.delete_everything"' },
    });
  });

  it.each([
    ['a window Watchpost did not open', () => from(stranger)],
    ['an iframe inside the desk', () => from(desk, desk.frame({ child: true }))],
    ['the desk after it navigated elsewhere', () => from(desk, desk.frame({ url: 'https://evil.example/' }))],
    ['a frame that is already gone', () => from(desk, null)],
  ])('refuses a call from %s without reaching the engine', async (_who, event) => {
    const engine = engineWithStats();
    const handle = door(Promise.resolve(engine));
    const answer = (await handle(event(), 'workspace.stats', {})) as Result<unknown>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(engine.call).not.toHaveBeenCalled();
  });

  it.each([[42], [null], [{ method: 'workspace.stats' }], [''], ['x'.repeat(201)]])(
    'refuses a method that is not a short text (%j)',
    async (method) => {
      const engine = engineWithStats();
      const handle = door(Promise.resolve(engine));
      const answer = (await handle(from(desk), method, {})) as Result<unknown>;
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(engine.call).not.toHaveBeenCalled();
    },
  );

  it('answers every call with the reason when the workspace could not be opened', async () => {
    const broken = Promise.reject(new WatchpostError('unavailable', 'watchpost.db was made by a newer Watchpost'));
    broken.catch(() => {});
    const handle = door(broken);
    expect(await handle(from(desk), 'workspace.stats', {})).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'watchpost.db was made by a newer Watchpost' },
    });
  });

  it('waits for an engine that is still opening the workspace', async () => {
    let ready!: (engine: ReturnType<typeof engineWithStats>) => void;
    const handle = door(new Promise((resolve) => (ready = resolve)));
    const answer = handle(from(desk), 'workspace.stats', {});
    ready(engineWithStats());
    expect(await answer).toEqual(ok(STATS));
  });
});

describe('engine events', () => {
  const added: EngineEvent = { name: 'mentions.added', payload: { count: 12, newestAt: null } };

  function engineWithEvents() {
    const listeners = new Set<(event: EngineEvent) => void>();
    return {
      emit: (event: EngineEvent) => listeners.forEach((listener) => listener(event)),
      subscribe: (listener: (event: EngineEvent) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }

  it('reach every open window on the one event channel, and stop when unsubscribed', () => {
    const engine = engineWithEvents();
    const wall = new FakeWebContents();
    const closed = new FakeWebContents();
    closed.destroyed = true;
    const stop = forwardEngineEvents(engine, () => [desk, wall, closed] as unknown as WebContents[]);
    engine.emit(added);
    expect(desk.sent).toEqual([{ channel: EVENT_CHANNEL, message: added }]);
    expect(wall.sent).toEqual([{ channel: EVENT_CHANNEL, message: added }]);
    expect(closed.sent).toEqual([]);
    stop();
    engine.emit(added);
    expect(desk.sent).toHaveLength(1);
  });
});
