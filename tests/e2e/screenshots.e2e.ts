import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFrame } from './pages/AppFrame';
import { InboxPage } from './pages/InboxPage';
import { SettingsPage } from './pages/SettingsPage';
import { launchChromium, openSession } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';

// Screenshots for a person to look at (not compared pixel by pixel): .test-results/ is gitignored.
const OUT = path.resolve(process.cwd(), '.test-results/screenshots');

let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  host = await startHost({ mentions: 3000 });
  browser = await launchChromium();
  // A profile per UI language: sitting down switches the UI to the profile's language.
  await host.call('inbox.operators.save', {
    name: 'Sanne de Vries',
    initials: 'SV',
    colour: '#8e4ec6',
    language: 'nl',
  });
  await host.call('inbox.operators.save', { name: 'Sam Carter', initials: 'SC', colour: '#0f7b8a', language: 'en' });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const VARIANTS = [
  { language: 'nl', locale: 'nl-NL', theme: 'light', themeLabel: 'Licht' },
  { language: 'nl', locale: 'nl-NL', theme: 'dark', themeLabel: 'Donker' },
  { language: 'en', locale: 'en-GB', theme: 'light', themeLabel: 'Light' },
  { language: 'en', locale: 'en-GB', theme: 'dark', themeLabel: 'Dark' },
] as const;

describe('screenshots of the inbox', () => {
  for (const variant of VARIANTS) {
    it(`${variant.language} + ${variant.theme}`, async () => {
      const session = await openSession(browser, host.url, { locale: variant.locale, colorScheme: variant.theme });
      try {
        const frame = new AppFrame(session.page);
        const inbox = new InboxPage(session.page);
        await inbox.waitForRow(20);
        expect(await frame.theme()).toBe(variant.theme);
        const file = path.join(OUT, `inbox-${variant.language}-${variant.theme}.png`);
        await session.page.screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(20_000);

        // The first start asks who is at the desk; the profile made earlier is one click away.
        const operator = variant.language === 'nl' ? 'Sanne de Vries' : 'Sam Carter';
        await session.page.getByRole('button', { name: operator, exact: true }).click();
        await session.page
          .getByRole('button', { name: new RegExp(`${operator}$`) })
          .first()
          .waitFor();

        // The same inbox with a mention open, and the settings page, for the record.
        await inbox.table.focus();
        await session.page.keyboard.press('j');
        await session.page.keyboard.press('j');
        await session.page.keyboard.press('Enter');
        await inbox.detail.getByRole('term').first().waitFor();
        await session.page.waitForTimeout(300);
        await session.page.screenshot({
          path: path.join(OUT, `inbox-detail-${variant.language}-${variant.theme}.png`),
        });

        if (variant.theme === 'light') {
          // Filters as chips, a search with its words marked, three selected for a bulk action, and the help.
          const filter = { sentiment: ['negative'], query: 'storing OR glasvezel OR wifi' };
          await session.page.goto(`${host.url}/#/inbox?filter=${encodeURIComponent(JSON.stringify(filter))}`);
          await inbox.waitForRow(5);
          await inbox.table.focus();
          for (const key of ['j', 'x', 'j', 'x', 'j', 'x', 'Enter']) await session.page.keyboard.press(key);
          await inbox.detail.getByRole('term').first().waitFor();
          await session.page.waitForTimeout(300);
          await session.page.screenshot({ path: path.join(OUT, `inbox-bulk-${variant.language}.png`) });
          await session.page.keyboard.press('?');
          await session.page.getByRole('dialog').waitFor();
          await session.page.screenshot({ path: path.join(OUT, `inbox-shortcuts-${variant.language}.png`) });
          await session.page.keyboard.press('Escape');
        }

        await frame.goTo(variant.language === 'nl' ? 'Instellingen' : 'Settings');
        await new SettingsPage(session.page).chosen(variant.language === 'nl' ? 'Thema' : 'Theme');
        await session.page.screenshot({ path: path.join(OUT, `settings-${variant.language}-${variant.theme}.png`) });
        expectClean(session);
      } finally {
        await session.close();
      }
    });
  }
});
