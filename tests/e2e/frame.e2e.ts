import { describe, expect, it } from 'vitest';
import { AppFrame } from './pages/AppFrame';
import { InboxPage } from './pages/InboxPage';
import { SettingsPage } from './pages/SettingsPage';
import { useApp } from './support/app';
import type { SessionOptions } from './support/browser';
import { expectClean } from './support/expect-clean';

const app = useApp({ mentions: 3000 });

async function open(options?: SessionOptions): Promise<AppFrame> {
  const frame = new AppFrame((await app.open(options)).page);
  await frame.navigation.waitFor();
  return frame;
}

const DUTCH_NAV = [
  'Inbox',
  'Antwoorden',
  'Trends',
  'Meldingen',
  'Wandscherm',
  'Rapporten',
  'Importeren',
  'Instellingen',
];
const ENGLISH_NAV = ['Inbox', 'Replies', 'Trends', 'Alerts', 'Wall', 'Reports', 'Import', 'Settings'];

async function navLabels(frame: AppFrame): Promise<string[]> {
  // The pages only: the inbox's pinned views (a section of their own in the sidebar) come and go with the workspace.
  const pages = frame.navigation.getByRole('link');
  return pages.evaluateAll((links) =>
    links.filter((link) => !link.closest('section')).map((link) => link.textContent?.trim() ?? ''),
  );
}

describe('app frame', () => {
  it('starts in Dutch on a Dutch system and in English on a British one', async () => {
    expect(await navLabels(await open({ locale: 'nl-NL' }))).toEqual(DUTCH_NAV);
    await app.session.close();
    expect(await navLabels(await open({ locale: 'en-GB' }))).toEqual(ENGLISH_NAV);
    expect(await app.session.page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('switches the language to English and back to Dutch, and remembers the choice', async () => {
    const frame = await open();
    const settings = new SettingsPage(frame.page);
    await frame.goTo('Instellingen');

    await settings.choose('Taal', 'English');
    await frame.navLink('Alerts').waitFor();
    expect(await navLabels(frame)).toEqual(ENGLISH_NAV);
    expect(await frame.page.locator('html').getAttribute('lang')).toBe('en');

    await frame.page.reload();
    await frame.navLink('Settings').waitFor();
    expect(await settings.chosen('Language')).toBe('English');

    await settings.choose('Language', 'Nederlands');
    await frame.navLink('Meldingen').waitFor();
    expect(await navLabels(frame)).toEqual(DUTCH_NAV);
    expectClean(app.session);
  });

  it('switches the theme between light and dark, changing the colours, and remembers it', async () => {
    const frame = await open({ colorScheme: 'light' });
    expect(await frame.theme()).toBe('light');
    const lightBackground = await frame.backgroundColour();

    await frame.goTo('Instellingen');
    const settings = new SettingsPage(frame.page);
    await settings.choose('Thema', 'Donker');
    expect(await frame.theme()).toBe('dark');
    const darkBackground = await frame.backgroundColour();
    expect(darkBackground).not.toBe(lightBackground);

    await frame.page.reload();
    await frame.navigation.waitFor();
    expect(await frame.theme()).toBe('dark');

    await settings.choose('Thema', 'Licht');
    expect(await frame.theme()).toBe('light');
    expect(await frame.backgroundColour()).toBe(lightBackground);
    expectClean(app.session);
  });

  it('follows a dark system colour scheme until the operator chooses', async () => {
    const frame = await open({ colorScheme: 'dark' });
    expect(await frame.theme()).toBe('dark');
  });

  it('shows the workspace figures in the status bar, formatted for the language', async () => {
    const frame = await open();
    const stats = await app.host.call('workspace.stats', {});
    const dutch = `${new Intl.NumberFormat('nl-NL').format(stats.mentions)} berichten`;
    expect(dutch).toBe('3.000 berichten');
    await frame.statusBar.getByText(dutch, { exact: true }).waitFor();
    await frame.statusBar.getByText(`${new Intl.NumberFormat('nl-NL').format(stats.unread)} ongelezen`).waitFor();
    await frame.statusBar.getByText('Live', { exact: true }).waitFor();

    await frame.goTo('Instellingen');
    await new SettingsPage(frame.page).choose('Taal', 'English');
    await frame.statusBar.getByText('3,000 mentions', { exact: true }).waitFor();
    expectClean(app.session);
  });

  it('shows a designed page for every navigation item, without errors or traffic to other hosts', async () => {
    const frame = await open();
    await new InboxPage(frame.page).waitForRow(0);
    for (const name of ['Antwoorden', 'Trends']) {
      await frame.goTo(name);
      await frame.page.getByRole('heading', { level: 1, name }).waitFor();
    }
    for (const name of ['Meldingen', 'Wandscherm', 'Rapporten']) {
      await frame.goTo(name);
      await frame.page.getByText('Komt in een volgende versie').waitFor();
      expect(await frame.page.getByRole('link', { name: 'Naar de inbox' }).getAttribute('href')).toBe('#/inbox');
    }
    await frame.goTo('Instellingen');
    await frame.page.getByText(app.host.dataDir, { exact: true }).waitFor();
    await frame.goTo('Inbox');
    await new InboxPage(frame.page).waitForRow(0);
    expect(app.session.requests.length).toBeGreaterThan(5);
    expectClean(app.session);
  });
});
