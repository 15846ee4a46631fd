import { shell, type Session, type WebContents, type WebPreferences } from 'electron';

/** The only way Watchpost opens a link outside itself: http and https, in the operator's own browser. */
export async function openExternalSafely(url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // javascript:, file:, smb:, custom protocol handlers… could run code or leak credentials on this machine.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  try {
    await shell.openExternal(parsed.href);
    return true;
  } catch {
    return false; // no browser registered: nothing to open it with, and nothing the page can do about it
  }
}

/** Every Watchpost window runs its page like a web page: isolated, sandboxed, no Node. */
export function secureWebPreferences(preloadFile: string): WebPreferences {
  return {
    preload: preloadFile,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/**
 * A page can never leave the app: navigation away is stopped, new windows are refused (an http(s) link
 * opens in the browser instead) and <webview> is refused. Applied to every webContents Electron creates.
 */
export function lockNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  const stayInApp = (event: { preventDefault(): void; url: string }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  // Covers iframes too, should the CSP ever let one in.
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Permissions the renderer may have, and only for our own pages: writing to the clipboard ("copy and open
 * in channel") and full screen (the wall). Camera, microphone, location, notifications (main sends those),
 * devices and the rest are refused without asking the operator.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function lockPermissions(session: Session, isAppUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(GRANTED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler((contents, permission) => {
    return GRANTED_PERMISSIONS.has(permission) && contents !== null && isAppUrl(contents.getURL());
  });
}
