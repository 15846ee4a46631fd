import { BrowserWindow, nativeTheme, powerSaveBlocker, screen, type WebContents } from 'electron';
import type { AppLocation } from './app-location';
import { secureWebPreferences } from './security';

/** The renderer's route for the wall screen: index.html#/wall. */
export const WALL_ROUTE = '/wall';

/**
 * The windows Watchpost opened itself. Only their pages may call the engine and receive its events,
 * which is why every window is created here and nowhere else.
 */
export class AppWindows {
  private desk: BrowserWindow | null = null;
  private readonly ours = new Set<WebContents>();

  constructor(
    private readonly location: AppLocation,
    private readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  /** The operators' window: the inbox, replies, trends. One at a time; asking again brings it forward. */
  openDesk(): BrowserWindow {
    if (this.desk && !this.desk.isDestroyed()) {
      this.bringForward(this.desk);
      return this.desk;
    }
    const desk = new BrowserWindow({
      title: 'Watchpost',
      width: 1440,
      height: 900,
      minWidth: 960,
      minHeight: 600,
      show: false,
      // The page's own background, so a window never flashes white in a dark room.
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171a' : '#ffffff',
      webPreferences: secureWebPreferences(this.location.preloadFile),
    });
    this.desk = desk;
    desk.on('closed', () => {
      if (this.desk === desk) this.desk = null;
    });
    this.track(desk, null);
    return desk;
  }

  /**
   * A full-screen wall on the chosen display; without a choice (or when that display is gone), on a
   * second screen if there is one, so the desk stays where it is.
   */
  openWall(displayId?: number): BrowserWindow {
    const displays = screen.getAllDisplays();
    const primary = screen.getPrimaryDisplay();
    const display = displays.find((d) => d.id === displayId) ?? displays.find((d) => d.id !== primary.id) ?? primary;
    const wall = new BrowserWindow({
      title: 'Watchpost — wall',
      ...display.bounds,
      fullscreen: true,
      autoHideMenuBar: true,
      show: false,
      backgroundColor: '#000000',
      webPreferences: secureWebPreferences(this.location.preloadFile),
    });
    // A wall that dims or sleeps is a wall nobody reads.
    const awake = powerSaveBlocker.start('prevent-display-sleep');
    wall.on('closed', () => powerSaveBlocker.stop(awake));
    this.track(wall, WALL_ROUTE);
    return wall;
  }

  /** A second launch of the app lands here: show the desk the operator already has. */
  focusDesk(): void {
    this.openDesk();
  }

  owns(contents: WebContents): boolean {
    return this.ours.has(contents);
  }

  /** Pages of the open windows, for pushing engine events. */
  contents(): WebContents[] {
    return [...this.ours].filter((contents) => !contents.isDestroyed());
  }

  count(): number {
    return this.ours.size;
  }

  private track(window: BrowserWindow, route: string | null): void {
    const contents = window.webContents;
    this.ours.add(contents);
    window.on('closed', () => this.ours.delete(contents));
    window.once('ready-to-show', () => window.show());
    const loading =
      this.location.devServerUrl !== null
        ? window.loadURL(route === null ? this.location.devServerUrl : `${this.location.devServerUrl}#${route}`)
        : window.loadFile(this.location.indexFile, route === null ? undefined : { hash: route });
    loading.catch((err: unknown) => this.log(`watchpost: the window could not load its page: ${String(err)}`));
  }

  private bringForward(window: BrowserWindow): void {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }
}
