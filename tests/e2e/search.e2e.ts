import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InboxPage } from './pages/InboxPage';
import { SearchBar } from './pages/SearchBar';
import { launchChromium, openSession, type Session } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';

// Screenshots for a person to look at (not compared pixel by pixel): .test-results/ is gitignored.
const OUT = path.resolve(process.cwd(), '.test-results/screenshots');

let host: RunningHost;
let browser: Browser;
let session: Session | null = null;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  host = await startHost({ mentions: 3000 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

afterEach(async () => {
  await session?.close();
  session = null;
});

async function open(locale = 'nl-NL'): Promise<{ page: Page; inbox: InboxPage; bar: SearchBar }> {
  session = await openSession(browser, host.url, { locale });
  const inbox = new InboxPage(session.page);
  await inbox.waitForRow(0);
  return { page: session.page, inbox, bar: new SearchBar(session.page) };
}

async function jobsDone(kind: string): Promise<void> {
  await expect
    .poll(async () => (await host.call('jobs.list', {})).some((job) => job.kind === kind && job.state === 'running'), {
      timeout: 30_000,
    })
    .toBe(false);
}

describe('searching the inbox with the query language', () => {
  it('shows a mistake where it is, runs the fixed query, and saves it as a topic that tags history', async () => {
    const { page, inbox, bar } = await open();
    await inbox.table.focus();
    await page.keyboard.press('/');
    expect(await bar.input.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.keyboard.type('glasvezel AND ');
    await expect.poll(() => bar.message()).toBe('Kolom 15: na AND hoort een zoekterm te staan');
    expect(await bar.input.getAttribute('aria-invalid')).toBe('true');
    await bar.mistake.waitFor();
    // The underline sits at column 15: right after what was typed.
    const underlined = await bar.mistake.evaluate((element) => {
      const before = [...element.parentElement!.childNodes].slice(
        0,
        [...element.parentElement!.childNodes].indexOf(element),
      );
      return before.map((node) => node.textContent).join('').length;
    });
    expect(underlined).toBe(14);
    await page.keyboard.press('Enter');
    expect(await inbox.table.getAttribute('aria-label')).toMatch(/^Berichten, /);
    await page.screenshot({ path: path.join(OUT, 'search-mistake-nl.png') });

    await page.keyboard.type('storing');
    await expect.poll(() => bar.message()).toBe('Druk op Enter om te zoeken');
    expect(await bar.input.getAttribute('aria-invalid')).toBe('false');
    await page.keyboard.press('Enter');

    const api = await host.call('mentions.search', { query: 'glasvezel AND storing', limit: 100 });
    expect(api.total).toBeGreaterThan(0);
    expect(api.total).toBeLessThan(3000);
    await expect.poll(() => inbox.table.getAttribute('aria-label')).toBe('Berichten die passen bij de zoekopdracht');
    await inbox.waitForRow(0);
    expect(await inbox.rowCount()).toBe(api.total);
    expect(await inbox.textOf(0)).toBe(api.mentions[0]?.text);
    expect(await page.getByText(`${api.total} resultaten`, { exact: true }).count()).toBe(1);

    await bar.saveAsTopic.click();
    const dialog = page.getByRole('form', { name: 'Deze zoekopdracht bewaren als onderwerp' });
    await dialog.getByRole('textbox', { name: 'Naam' }).fill('Glasvezelstoring');
    await dialog.getByRole('radio', { name: 'Paars' }).check();
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await expect.poll(() => bar.message()).toMatch(/^Onderwerp “Glasvezelstoring” bewaard/);
    await jobsDone('retag');

    // The demo brings topics of its own; this one is found by its name.
    const topic = (await host.call('topics.list', {})).find((saved) => saved.name === 'Glasvezelstoring');
    expect(topic).toMatchObject({ name: 'Glasvezelstoring', query: 'glasvezel AND storing', mentions: api.total });
    // History is tagged: once the job has finished, the topic filter lists exactly the query's matches.
    await expect
      .poll(async () => (await host.call('mentions.list', { limit: 1, filter: { topicId: [topic!.id] } })).total)
      .toBe(api.total);
    await page.screenshot({ path: path.join(OUT, 'search-results-nl.png') });

    await bar.clear.click();
    await expect.poll(() => inbox.rowCount()).toBe(3000);
    const listed = await host.call('mentions.list', { limit: 500 });
    const index = listed.rows.findIndex((row) => row.topicIds?.includes(topic!.id));
    expect(index).toBeGreaterThanOrEqual(0);
    await inbox.scrollTo(Math.max(0, index - 3));
    await inbox.waitForRow(index);
    // The demo's own topics may show first; the chip group names every topic of the row.
    expect(await inbox.cell(index, 'topics').locator('.topic-chips').getAttribute('title')).toContain(
      'Glasvezelstoring',
    );
    expectClean(session!);
  });

  it('sorts by relevance on request and says it has no results for a query that finds nothing', async () => {
    const { page, inbox, bar } = await open();
    await bar.input.fill('glasvezel');
    await bar.sort(/^Relevantie$/).check();
    await page.keyboard.press('Enter');
    await bar.input.press('Enter');
    const ranked = await host.call('mentions.search', { query: 'glasvezel', limit: 5, sort: 'relevance' });
    await expect.poll(() => inbox.textOf(0)).toBe(ranked.mentions[0]?.text);
    await bar.input.fill('zzzqqq');
    await bar.input.press('Enter');
    await page.getByRole('heading', { name: 'Geen berichten gevonden' }).waitFor();
    expectClean(session!);
  });
});

describe('correcting sentiment in the detail pane', () => {
  it('keeps the correction, with who made it, after a reload; the priority explains itself', async () => {
    const { page, inbox } = await open();
    await page.goto(`${host.url}/#/settings/analysis`);
    const name = page.getByRole('textbox', { name: 'Naam' });
    await name.fill('Anna de Vries');
    await name.press('Enter');
    await page.goto(`${host.url}/#/inbox`);
    await inbox.waitForRow(0);

    const first = (await host.call('mentions.list', { limit: 1 })).rows[0]!;
    const target = first.sentiment === 'negative' ? 'Positief' : 'Negatief';
    await inbox.row(0).click();
    const choice = inbox.detail.getByRole('radiogroup', { name: 'Sentiment corrigeren' });
    await choice.getByRole('radio', { name: target }).check();
    await inbox.detail.getByText(/^Gecorrigeerd door Anna de Vries/).waitFor();
    await expect.poll(() => inbox.cell(0, 'sentiment').textContent()).toBe(target);
    await inbox.detail.getByRole('heading', { name: /^Waarom prioriteit \d+$/ }).waitFor();
    await page.screenshot({ path: path.join(OUT, 'detail-correction-nl.png') });

    await page.reload();
    await inbox.waitForRow(0);
    expect(await inbox.cell(0, 'sentiment').textContent()).toBe(target);
    await inbox.row(0).click();
    const again = inbox.detail.getByRole('radiogroup', { name: 'Sentiment corrigeren' });
    await expect.poll(() => again.getByRole('radio', { name: target }).isChecked()).toBe(true);
    await inbox.detail.getByText(/^Gecorrigeerd door Anna de Vries/).waitFor();
    const stored = await host.call('mentions.explain', { id: first.id });
    expect(stored.corrections[0]).toMatchObject({ operator: 'Anna de Vries', from: first.sentiment });
    expectClean(session!);
  });
});

describe('screenshots of search, topics and analysis', () => {
  for (const variant of [
    { language: 'nl', locale: 'nl-NL', mistake: 'storing OR (wifi', topics: 'Onderwerpen', analysis: 'Analyse' },
    { language: 'en', locale: 'en-GB', mistake: 'storing OR (wifi', topics: 'Topics', analysis: 'Analysis' },
  ] as const) {
    it(variant.language, async () => {
      const { page, inbox, bar } = await open(variant.locale);
      await bar.input.fill(variant.mistake);
      await bar.mistake.waitFor();
      await page.screenshot({ path: path.join(OUT, `search-mistake-${variant.language}.png`) });
      await bar.input.fill('storing channel:x');
      await bar.input.press('Enter');
      await inbox.waitForRow(3);
      await inbox.row(1).click();
      await inbox.detail.getByRole('radiogroup').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `search-detail-${variant.language}.png`) });
      await host.call('lexicon.save', { term: 'glasvezel', weight: 1.5, operator: 'Anna' });
      await page.goto(`${host.url}/#/settings/topics`);
      await page.getByRole('heading', { name: variant.topics, level: 2 }).waitFor();
      await page.screenshot({ path: path.join(OUT, `settings-topics-${variant.language}.png`), fullPage: true });
      await page.goto(`${host.url}/#/settings/analysis`);
      await page.getByRole('table').waitFor();
      await page.screenshot({ path: path.join(OUT, `settings-analysis-${variant.language}.png`), fullPage: true });
      await jobsDone('rescore');
      expectClean(session!);
    });
  }
});
