import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

/**
 * Small stand-ins for the parts of Electron that main uses, for unit tests (`vi.mock('electron', ...)`):
 * Electron's binary is not available everywhere the tests run. They record what main asked for and
 * replay what Electron would emit.
 */

interface NavigationAttempt {
  url: string;
  preventDefault(): void;
}

export class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  readonly sent: Array<{ channel: string; message: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Fires a navigation event the way Electron does; returns true when a listener stopped it. */
  attempt(eventName: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    let stopped = false;
    const attempt: NavigationAttempt = { url, preventDefault: () => (stopped = true) };
    this.emit(eventName, attempt, url);
    return stopped;
  }

  /** What `window.open(url)` in the page would get back. */
  openWindow(url: string): { action: string } | undefined {
    return this.windowOpenHandler?.({ url });
  }

  /** A frame in this page, as `event.senderFrame` of an IPC call. */
  frame(options: { url?: string; child?: boolean } = {}): { url: string; parent: object | null } {
    return { url: options.url ?? this.url, parent: options.child ? { url: this.url } : null };
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedFile: { file: string; options: unknown } | null = null;
  loadedUrl: string | null = null;
  destroyed = false;
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }

  loadFile(file: string, options?: { hash?: string }): Promise<void> {
    this.loadedFile = { file, options };
    this.webContents.url = `${pathToFileURL(file).href}${options?.hash ? `#${options.hash}` : ''}`;
    return Promise.resolve();
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  /** What happens when the operator closes the window. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export type IpcHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

class FakeIpcMain {
  readonly handlers = new Map<string, IpcHandler>();
  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly getPath = vi.fn((name: string) => `/home/operator/.config/Watchpost/${name === 'userData' ? '' : name}`);
  readonly getLocale = vi.fn(() => 'nl-NL');
  private ready!: () => void;
  private readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Electron finished starting. */
  becomeReady(): void {
    this.ready();
  }
  /** As if Electron had just been launched. */
  relaunch(): void {
    this.removeAllListeners();
    this.readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
    this.requestSingleInstanceLock.mockReset().mockReturnValue(true);
    this.quit.mockClear();
  }
}

export const displays = [
  { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
  { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } },
];

const KEYCHAIN_MARK = 'keychain:';

/**
 * The OS keychain behind safeStorage: sealed text is unreadable without it, and text sealed for
 * another user (`otherUser()`) fails to open, as Electron's does.
 */
export class FakeSafeStorage {
  available = true;
  backend: 'basic_text' | 'gnome_libsecret' | 'unknown' = 'gnome_libsecret';
  private secret = 0x5a;
  readonly isEncryptionAvailable = vi.fn(() => this.available);
  readonly getSelectedStorageBackend = vi.fn(() => this.backend);

  encryptString(plain: string): Buffer {
    return Buffer.from(Buffer.from(KEYCHAIN_MARK + plain, 'utf8').map((byte) => byte ^ this.secret));
  }

  decryptString(sealed: Buffer): string {
    const text = Buffer.from(sealed.map((byte) => byte ^ this.secret)).toString('utf8');
    if (!text.startsWith(KEYCHAIN_MARK))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice(KEYCHAIN_MARK.length);
  }

  /** The same files opened by another user (or after the keychain was reset). */
  otherUser(): void {
    this.secret = 0x33;
  }

  reset(): void {
    this.available = true;
    this.backend = 'gnome_libsecret';
    this.secret = 0x5a;
  }
}

/** Kept apart from `shell` so tests can assert on it without spelling `shell.openExternal` (lint-forbidden here). */
export const openExternal = vi.fn(async (_url: string) => {});

export const fake = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  ipcMain: new FakeIpcMain(),
  shell: { openExternal },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  screen: { getAllDisplays: vi.fn(() => displays), getPrimaryDisplay: vi.fn(() => displays[0]!) },
  nativeTheme: { shouldUseDarkColors: false },
  powerSaveBlocker: { start: vi.fn(() => 7), stop: vi.fn() },
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
  safeStorage: new FakeSafeStorage(),

  /** Back to a freshly started Electron, for tests that load main/index.ts more than once. */
  reset(): void {
    fake.app.relaunch();
    fake.ipcMain.handlers.clear();
    FakeBrowserWindow.created = [];
    openExternal.mockClear();
    fake.Menu.setApplicationMenu.mockClear();
    fake.session.defaultSession.setPermissionRequestHandler.mockClear();
    fake.session.defaultSession.setPermissionCheckHandler.mockClear();
    fake.safeStorage.reset();
  },
};
