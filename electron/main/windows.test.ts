import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { appLocation } from './app-location';
import { fake, FakeBrowserWindow } from './fake-electron';
import { AppWindows, WALL_ROUTE } from './windows';

vi.mock('electron', async () => (await import('./fake-electron')).fake);

const location = appLocation('file:///opt/Watchpost/out/main/index.js', true, {});

beforeEach(() => {
  FakeBrowserWindow.created = [];
  fake.powerSaveBlocker.start.mockClear();
  fake.powerSaveBlocker.stop.mockClear();
});

describe('the desk window', () => {
  it('runs the renderer isolated, sandboxed, without Node, through the CommonJS preload', () => {
    new AppWindows(location).openDesk();
    const [desk] = FakeBrowserWindow.created;
    expect(desk!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/opt/Watchpost/out/preload/index.cjs',
    });
    expect(desk!.loadedFile).toEqual({ file: '/opt/Watchpost/out/renderer/index.html', options: undefined });
    expect(desk!.options['show']).toBe(false);
    desk!.emit('ready-to-show');
    expect(desk!.show).toHaveBeenCalled();
  });

  it('is opened once; asking again brings the same window forward', () => {
    const windows = new AppWindows(location);
    const first = windows.openDesk();
    const again = windows.openDesk();
    expect(again).toBe(first);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect((first as unknown as FakeBrowserWindow).focus).toHaveBeenCalled();
  });

  it('belongs to the app while open, and no longer once closed', () => {
    const windows = new AppWindows(location);
    const desk = windows.openDesk() as unknown as FakeBrowserWindow;
    const page = desk.webContents as unknown as WebContents;
    expect(windows.owns(page)).toBe(true);
    expect(windows.contents()).toEqual([page]);
    desk.close();
    expect(windows.owns(page)).toBe(false);
    expect(windows.count()).toBe(0);
    windows.openDesk();
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('loads the dev server when running under electron-vite dev', () => {
    const dev = appLocation('file:///work/out/main/index.js', false, {
      ELECTRON_RENDERER_URL: 'http://localhost:5173',
    });
    new AppWindows(dev).openWall(1);
    expect(FakeBrowserWindow.created[0]!.loadedUrl).toBe(`http://localhost:5173#${WALL_ROUTE}`);
  });
});

describe('the wall window', () => {
  it('fills the second screen by default and shows the wall route', () => {
    new AppWindows(location).openWall();
    const [wall] = FakeBrowserWindow.created;
    expect(wall!.options).toMatchObject({ x: 1920, y: 0, width: 3840, height: 2160, fullscreen: true });
    expect(wall!.options['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(wall!.loadedFile).toEqual({ file: '/opt/Watchpost/out/renderer/index.html', options: { hash: '/wall' } });
  });

  it('goes on the display the operator chose', () => {
    new AppWindows(location).openWall(1);
    expect(FakeBrowserWindow.created[0]!.options).toMatchObject({ x: 0, width: 1920 });
  });

  it('keeps the display awake while it is open, and lets it sleep after', () => {
    const wall = new AppWindows(location).openWall() as unknown as FakeBrowserWindow;
    expect(fake.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(fake.powerSaveBlocker.stop).not.toHaveBeenCalled();
    wall.close();
    expect(fake.powerSaveBlocker.stop).toHaveBeenCalledWith(7);
  });
});
