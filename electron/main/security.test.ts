import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { fake, FakeWebContents, openExternal } from './fake-electron';
import { lockNavigation, lockPermissions, openExternalSafely, secureWebPreferences } from './security';

vi.mock('electron', async () => (await import('./fake-electron')).fake);

const APP_PAGE = 'file:///opt/Watchpost/resources/app.asar/out/renderer/index.html';
const isAppUrl = (url: string): boolean => url.split('#')[0] === APP_PAGE;

function lockedPage(): FakeWebContents {
  const page = new FakeWebContents();
  page.url = APP_PAGE;
  lockNavigation(page as unknown as WebContents, isAppUrl);
  return page;
}

beforeEach(() => {
  openExternal.mockClear();
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, without Node, with our preload', () => {
    const prefs = secureWebPreferences('/opt/Watchpost/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/opt/Watchpost/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

describe('lockNavigation', () => {
  it('stops a page from navigating the app window away to another site', () => {
    const page = lockedPage();
    expect(page.attempt('will-navigate', 'https://evil.example/login')).toBe(true);
    expect(page.attempt('will-frame-navigate', 'https://evil.example/frame')).toBe(true);
    expect(page.attempt('will-redirect', 'https://evil.example/redirect')).toBe(true);
    expect(page.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('lets the app reload its own page', () => {
    const page = lockedPage();
    expect(page.attempt('will-navigate', `${APP_PAGE}#/inbox`)).toBe(false);
  });

  it('refuses every new window and opens http(s) links in the browser instead', async () => {
    const page = lockedPage();
    expect(page.openWindow('https://www.example.org/post/1')).toEqual({ action: 'deny' });
    expect(page.openWindow('http://example.org/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledTimes(2));
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://www.example.org/post/1',
      'http://example.org/',
    ]);
  });

  it('never hands javascript:, file: or other schemes to the operating system', async () => {
    const page = lockedPage();
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'data:text/html,hi',
    ]) {
      expect(page.openWindow(url)).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('destroys any <webview> before it attaches', () => {
    const page = lockedPage();
    const preventDefault = vi.fn();
    page.emit('will-attach-webview', { preventDefault }, {}, { src: 'https://evil.example' });
    expect(preventDefault).toHaveBeenCalledOnce();
  });
});

describe('openExternalSafely', () => {
  it('opens http and https only, and says whether it did', async () => {
    expect(await openExternalSafely('https://mastodon.social/@gemeente/1')).toBe(true);
    expect(await openExternalSafely('javascript:alert(1)')).toBe(false);
    expect(await openExternalSafely('file:///etc/passwd')).toBe(false);
    expect(await openExternalSafely('not a link')).toBe(false);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://mastodon.social/@gemeente/1');
  });

  it('reports false instead of throwing when no browser can open the link', async () => {
    openExternal.mockRejectedValueOnce(new Error('no handler for https'));
    expect(await openExternalSafely('https://example.org')).toBe(false);
  });
});

describe('lockPermissions', () => {
  type RequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: object,
  ) => void;
  type CheckHandler = (contents: unknown, permission: string) => boolean;

  function handlers(): { request: RequestHandler; check: CheckHandler } {
    const session = fake.session.defaultSession;
    session.setPermissionRequestHandler.mockClear();
    session.setPermissionCheckHandler.mockClear();
    lockPermissions(session as unknown as Session, isAppUrl);
    return {
      request: session.setPermissionRequestHandler.mock.calls[0]![0] as RequestHandler,
      check: session.setPermissionCheckHandler.mock.calls[0]![0] as CheckHandler,
    };
  }

  function ask(request: RequestHandler, permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    request({}, permission, (answer) => (granted = answer), { requestingUrl, isMainFrame: true });
    return granted!;
  }

  it('refuses camera, microphone, location and notifications without asking', () => {
    const { request } = handlers();
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'openExternal']) {
      expect(ask(request, permission, APP_PAGE)).toBe(false);
    }
  });

  it('lets our own page copy a reply to the clipboard and go full screen, but no other page', () => {
    const { request, check } = handlers();
    expect(ask(request, 'clipboard-sanitized-write', APP_PAGE)).toBe(true);
    expect(ask(request, 'fullscreen', APP_PAGE)).toBe(true);
    expect(ask(request, 'clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check({ getURL: () => APP_PAGE }, 'clipboard-sanitized-write')).toBe(true);
    expect(check({ getURL: () => APP_PAGE }, 'media')).toBe(false);
    expect(check(null, 'fullscreen')).toBe(false);
  });
});
