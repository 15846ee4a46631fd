import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuLanguage, menuTemplate } from './menu';

vi.mock('electron', async () => (await import('./fake-electron')).fake);

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return flatten(items).find((item) => item.label === label);
}

const linux = { platform: 'linux' as const, devTools: false };

describe('the application menu', () => {
  it('speaks Dutch on a Dutch system and English elsewhere', () => {
    expect(menuLanguage('nl-NL')).toBe('nl');
    expect(menuLanguage('nl-BE')).toBe('nl');
    expect(menuLanguage('en-GB')).toBe('en');
    expect(menuLanguage('de-DE')).toBe('en');
  });

  it('opens the wall screen and the desk from the File menu, in either language', () => {
    const actions = { showDesk: vi.fn(), openWall: vi.fn() };
    const dutch = menuTemplate('nl', actions, linux);
    expect(dutch.map((item) => item.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Venster']);
    (find(dutch, 'Wandscherm openen')!.click as () => void)();
    expect(actions.openWall).toHaveBeenCalledOnce();
    const english = menuTemplate('en', actions, linux);
    (find(english, 'Show desk')!.click as () => void)();
    expect(actions.showDesk).toHaveBeenCalledOnce();
    expect(find(english, 'Quit Watchpost')?.role).toBe('quit');
  });

  it('offers developer tools only in an unpackaged app', () => {
    const actions = { showDesk: vi.fn(), openWall: vi.fn() };
    const roles = (devTools: boolean) =>
      flatten(menuTemplate('en', actions, { platform: 'linux', devTools })).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('follows macOS: the app menu first, Quit in it rather than in File', () => {
    const mac = menuTemplate('en', { showDesk: vi.fn(), openWall: vi.fn() }, { platform: 'darwin', devTools: false });
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(flatten(mac).filter((item) => item.role === 'quit')).toEqual([]);
  });
});
