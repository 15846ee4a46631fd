import { Menu, type MenuItemConstructorOptions } from 'electron';

export type MenuLanguage = 'nl' | 'en';

const LABELS = {
  nl: {
    file: 'Bestand',
    showDesk: 'Bureau tonen',
    openWall: 'Wandscherm openen',
    quit: 'Watchpost afsluiten',
    edit: 'Bewerken',
    undo: 'Ongedaan maken',
    redo: 'Opnieuw',
    cut: 'Knippen',
    copy: 'Kopiëren',
    paste: 'Plakken',
    selectAll: 'Alles selecteren',
    view: 'Beeld',
    reload: 'Opnieuw laden',
    devTools: 'Ontwikkelaarshulpmiddelen',
    actualSize: 'Ware grootte',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    fullScreen: 'Volledig scherm',
    window: 'Venster',
    minimize: 'Minimaliseren',
    close: 'Venster sluiten',
  },
  en: {
    file: 'File',
    showDesk: 'Show desk',
    openWall: 'Open wall screen',
    quit: 'Quit Watchpost',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer tools',
    actualSize: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    window: 'Window',
    minimize: 'Minimise',
    close: 'Close window',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

/** Dutch first (DESIGN §14): a Dutch system gets Dutch menus, every other system English. */
export function menuLanguage(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export interface MenuActions {
  showDesk(): void;
  openWall(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools only in an unpackaged app: on an operator's desk they are a way around the sandbox's intent. */
  devTools: boolean;
}

/** A short menu: the app's own actions live in the renderer (command palette, shortcuts), not here. */
export function menuTemplate(
  language: MenuLanguage,
  actions: MenuActions,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  const mac = options.platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: t.file,
      submenu: [
        { label: t.showDesk, accelerator: 'CmdOrCtrl+1', click: () => actions.showDesk() },
        { label: t.openWall, accelerator: 'CmdOrCtrl+Shift+W', click: () => actions.openWall() },
        // On macOS, Quit lives in the app menu.
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t.quit } as const]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'reload', label: t.reload },
        ...(options.devTools
          ? [{ role: 'toggleDevTools', label: t.devTools } satisfies MenuItemConstructorOptions]
          : []),
        { type: 'separator' },
        { role: 'resetZoom', label: t.actualSize },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
  ];
}

export function installMenu(language: MenuLanguage, actions: MenuActions, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, actions, options)));
}
