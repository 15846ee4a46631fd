import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImportPage } from './pages/ImportPage';
import { InboxPage } from './pages/InboxPage';
import { launchChromium, openSession, type Session } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';

const reference = (file: string) => path.resolve(process.cwd(), '../shared/reference', file);
const fixture = (file: string) => path.resolve(process.cwd(), 'electron/engine/ingest/formats/fixtures', file);
const SCREENSHOTS = path.resolve(process.cwd(), '.test-results/screenshots');

let host: RunningHost;
let browser: Browser;
let session: Session | null = null;
let dir: string;

beforeAll(async () => {
  host = await startHost({ mentions: 0 });
  browser = await launchChromium();
  dir = mkdtempSync(path.join(tmpdir(), 'watchpost-import-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await session?.close();
  session = null;
});

async function openImport(locale = 'nl-NL'): Promise<ImportPage> {
  session = await openSession(browser, `${host.url}/#/import`, { locale });
  await session.page.getByRole('heading', { level: 1, name: /^(Importeren|Import)$/ }).waitFor();
  return new ImportPage(session.page);
}

/** The inbox row that shows `text`: its author cell and the time it carries. */
async function inboxRow(inbox: InboxPage, text: string): Promise<{ author: string; time: string | null }> {
  const row = inbox.rowWithText(text).first();
  await row.waitFor();
  const cell = (column: string) => row.locator(`[role="gridcell"][data-column="${column}"]`);
  return {
    author: (await cell('author').locator('.author__name').textContent()) ?? '',
    time: await cell('time').locator('time').getAttribute('datetime'),
  };
}

describe('importing files through the wizard', () => {
  it('starts from the empty inbox and imports the reference X archive under the account it names', async () => {
    session = await openSession(browser, host.url);
    const page = session.page;
    await page.getByRole('link', { name: 'Bestand importeren' }).click();
    const wizard = new ImportPage(page);
    await wizard.chooseFile(reference('social/twitter/tweets.js.excerpt_first6.js'));
    await page.getByText('herkend als X-archief (tweets.js)').waitFor();
    expect(await wizard.previewTable.locator('tbody tr').count()).toBe(6);
    expect((await wizard.previewRow(0))[2]).toBe('geen auteur');

    await wizard.control('Account van deze export').fill('@milahu104');
    await expect.poll(async () => (await wizard.previewRow(0))[2]).toBe('@milahu104');
    await wizard.startImport();
    expect(await wizard.resultFigures()).toEqual({ Geïmporteerd: 6, 'Was er al': 0, Afgewezen: 0 });

    await page.getByRole('link', { name: 'Naar de inbox' }).click();
    const inbox = new InboxPage(page);
    await inbox.waitForRow(0);
    expect(await inbox.rowCount()).toBe(6);
    const first = await inboxRow(inbox, '@rosenbusch_ idioten in machtpositionen, jedes verfickte mal...');
    expect(first).toEqual({ author: '@milahu104', time: '2026-02-20T09:10:58.000Z' });
    const stored = await host.call('mentions.list', { limit: 10 });
    expect(stored.rows.every((row) => row.channel === 'x' && row.author.handle === 'milahu104')).toBe(true);
    expect(stored.rows.some((row) => /&amp;|&gt;|&lt;/.test(row.text))).toBe(false);
    expectClean(session);
  });

  it('imports the Facebook export with its mojibake repaired', async () => {
    const wizard = await openImport();
    await wizard.chooseFile(reference('social/facebook/your_posts_1.json'));
    await wizard.page.getByText('herkend als Facebook-export (je berichten)').waitFor();
    await wizard.control('Account van deze export').fill('malou');
    await expect.poll(async () => (await wizard.previewRow(0))[2]).toBe('@malou');
    await wizard.startImport();
    const figures = await wizard.resultFigures();
    expect(figures.Geïmporteerd).toBeGreaterThan(0);

    const stored = await host.call('mentions.list', { limit: 500, filter: { channel: ['facebook'] } });
    expect(stored.total).toBe(figures.Geïmporteerd);
    const repaired = stored.rows.find((row) => row.text.includes('tilføjet'));
    expect(repaired, 'a post that Facebook wrote with mojibake').toBeDefined();
    expect(stored.rows.some((row) => /Ã¸|Ã¥|Ã¦/.test(row.text))).toBe(false);

    await wizard.page.getByRole('link', { name: 'Naar de inbox' }).click();
    const inbox = new InboxPage(wizard.page);
    await inbox.waitForRow(0);
    const shown = await inboxRow(inbox, 'fedt med lidt exstra ferie');
    expect(shown).toEqual({ author: '@malou', time: '2009-05-21T10:27:04.000Z' });
    expectClean(session!);
  });

  it('imports an RSS feed with its authors, times and links', async () => {
    const wizard = await openImport();
    await wizard.chooseFile(fixture('gemeente-nieuws.rss'));
    await wizard.page.getByText('herkend als RSS- of Atom-feed').waitFor();
    await wizard.startImport();
    const figures = await wizard.resultFigures();
    expect(figures.Geïmporteerd).toBeGreaterThan(0);

    await wizard.page.getByRole('link', { name: 'Naar de inbox' }).click();
    const inbox = new InboxPage(wizard.page);
    await inbox.waitForRow(0);
    const shown = await inboxRow(inbox, 'Stationsweg dicht voor onderhoud & riolering');
    expect(shown.time).toBe('2024-05-31T12:00:00.000Z');
    const stored = await host.call('mentions.list', { limit: 50, filter: { channel: ['rss'] } });
    const article = stored.rows.find((row) => row.text.startsWith('Stationsweg dicht'));
    expect(article).toMatchObject({ url: 'https://www.gemeente.example/nieuws/stationsweg' });
    expect(shown.author).toContain(article!.author.displayName ?? article!.author.handle);
    expectClean(session!);
  });

  it('shows a bad CSV row before the import, keeps it as a reject, and imports it once the mapping is fixed', async () => {
    const file = path.join(dir, 'meldingen.csv');
    writeFileSync(
      file,
      'id;datum;geplaatst;auteur;bericht\n' +
        'csv-1;05-03-2024 14:30;2024-03-05T13:30:00Z;@piet;Storing glasvezel in Best\n' +
        'csv-2;nog onbekend;2024-03-06T08:15:00Z;@kees;Lantaarnpaal kapot bij de school\n' +
        'csv-3;07-03-2024 09:00;2024-03-07T08:00:00Z;@anna;Gat in het fietspad\n',
    );
    const wizard = await openImport();
    await wizard.chooseFile(file);
    expect(await wizard.control('Tijd').inputValue()).toBe('datum');
    const bad = await wizard.previewRow(1);
    expect(bad.join(' ')).toMatch(/Afgewezen:.*Rij 3: kolom ‘datum’ is geen datum: ‘nog onbekend’/);
    await wizard.startImport();
    expect(await wizard.resultFigures()).toEqual({ Geïmporteerd: 2, 'Was er al': 0, Afgewezen: 1 });
    // The result names the first rejects, in the UI's language, with the engine's sentence on hover.
    const firstReject = wizard.page.locator('.import-result__rejects li').first();
    expect(await firstReject.textContent()).toMatch(/^Rij 3: kolom ‘datum’ is geen datum: ‘nog onbekend’/);
    expect(await firstReject.locator('span').getAttribute('title')).toMatch(/row 3: column 'datum' is not a date/);

    await wizard.page.getByRole('link', { name: 'Afgewezen records bekijken' }).click();
    await wizard.rejectGroups.getByRole('button', { name: /meldingen\.csv/ }).waitFor();
    const table = wizard.rejectTable('meldingen.csv');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/^3Rij 3: kolom ‘datum’ is geen datum/);

    await wizard.select('Tijd', 'geplaatst');
    await wizard.page.getByRole('button', { name: '1 record opnieuw proberen' }).click();
    await wizard.page
      .getByRole('status')
      .filter({ hasText: 'meldingen.csv: 1 geïmporteerd, 0 waren er al, 0 nog afgewezen' })
      .waitFor();
    // Fixed records leave the list; the file goes with its last one (other files' rejects may remain).
    await wizard.rejectGroups.getByRole('button', { name: /meldingen\.csv/ }).waitFor({ state: 'detached' });

    const stored = await host.call('mentions.search', { query: 'Lantaarnpaal school' });
    expect(stored.mentions.map((row) => [row.author.handle, row.createdAt])).toEqual([
      ['kees', '2024-03-06T08:15:00.000Z'],
    ]);
    expectClean(session!);
  });

  it('shows rate and time left while a large file imports, and says what a cancelled import kept', async () => {
    const file = path.join(dir, 'groot.csv');
    const lines = ['id,datum,bericht'];
    for (let i = 0; i < 400_000; i++) {
      lines.push(
        `groot-${i},2025-01-01T10:${String(i % 60).padStart(2, '0')}:00Z,Melding ${i} over de wateroverlast in de Kruisstraat`,
      );
    }
    writeFileSync(file, lines.join('\n'));
    const before = (await host.call('workspace.stats', {})).mentions;
    const wizard = await openImport();
    // 27 MB go to the host before the preview: on a busy machine that alone can take half a minute.
    await wizard.chooseFile(file, 90_000);
    await wizard.startImport();
    await wizard.progress.waitFor();
    const figures = wizard.page.locator('.import-progress__figures');
    await figures.filter({ hasText: /per seconde · nog ongeveer \d+ (sec|min)/ }).waitFor({ timeout: 30_000 });
    expect(await figures.textContent()).toMatch(
      /^[\d,]+ (kB|MB) van [\d,]+ MB · [\d,]+ (kB|MB) per seconde · nog ongeveer/,
    );

    await wizard.page.getByRole('button', { name: 'Annuleren' }).click();
    await wizard.page.getByRole('heading', { name: 'De import is gestopt' }).waitFor({ timeout: 30_000 });
    const kept = (await host.call('workspace.stats', {})).mentions - before;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(400_000);
    const formatted = new Intl.NumberFormat('nl-NL').format(kept);
    await wizard.page
      .getByText(`${formatted} berichten die vóór het stoppen zijn geïmporteerd, blijven bewaard.`, { exact: false })
      .waitFor();
    expect((await wizard.resultFigures()).Geïmporteerd).toBe(kept);
    expectClean(session!);
  }, 180_000);
});

describe('screenshots of the wizard', () => {
  for (const [language, locale] of [
    ['nl', 'nl-NL'],
    ['en', 'en-GB'],
  ] as const) {
    it(language, async () => {
      const wizard = await openImport(locale);
      await wizard.page.screenshot({ path: path.join(SCREENSHOTS, `import-pick-${language}.png`) });
      await wizard.chooseFile(fixture('gemeente-semicolon.csv'));
      await wizard.page.screenshot({ path: path.join(SCREENSHOTS, `import-preview-${language}.png`), fullPage: true });
      await wizard.page.goto(`${host.url}/#/import/rejected`);
      await wizard.page.locator('.rejects, .state-message').first().waitFor();
      await wizard.page.screenshot({ path: path.join(SCREENSHOTS, `import-rejected-${language}.png`) });
      expectClean(session!);
    });
  }
});
