import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedFixture, rssDocument, type FeedItem } from '../../electron/engine/ingest/connectors/fixtures/feed-server';
import { InboxPage } from './pages/InboxPage';
import { SourcesPage } from './pages/SourcesPage';
import { launchChromium, openSession, type Session } from './support/browser';
import { expectClean } from './support/expect-clean';
import { startHost, type RunningHost } from './support/host';

const SCREENSHOTS = path.resolve(process.cwd(), '.test-results/screenshots');

let host: RunningHost;
let browser: Browser;
let feed: FeedFixture;
let sessions: Session[] = [];

/** Minutes ago, so the newest item tops the inbox (the demo's mentions are older). */
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const article = (n: number, title: string, published: string): FeedItem => ({
  id: `urn:stadsnieuws:${n}`,
  title,
  link: `http://nieuws.fixture/artikel/${n}`,
  summary: `${title}. Lees het hele bericht op de site.`,
  published,
  author: 'Redactie Stadsnieuws',
});

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  host = await startHost({ mentions: 300 });
  browser = await launchChromium();
  feed = await FeedFixture.start(rssDocument('Stadsnieuws', [article(1, 'Stationsplein weer open', minutesAgo(30))]));
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await feed?.close();
});

afterEach(async () => {
  for (const session of sessions) await session.close();
  sessions = [];
});

async function open(url: string, locale = 'nl-NL'): Promise<Session> {
  const session = await openSession(browser, url, { locale });
  sessions.push(session);
  return session;
}

async function openSources(locale = 'nl-NL'): Promise<SourcesPage> {
  const session = await open('about:blank', locale);
  const sources = new SourcesPage(session.page);
  await sources.open(host.url);
  return sources;
}

describe('Settings → Sources', () => {
  it('adds an RSS source whose first poll and "check now" bring new mentions into the open inbox', async () => {
    const desk = await open(host.url);
    const inbox = new InboxPage(desk.page);
    await inbox.waitForRow(0);
    const before = await inbox.rowCount();

    const sources = await openSources();
    await sources.page.getByRole('heading', { name: 'Nog geen live bronnen' }).waitFor();
    await sources.openAddForm();
    await sources.chooseKind(/^RSS- of Atom-feed$/);
    await sources.field('Naam').fill('Stadsnieuws');
    await sources.field('Adres van de feed').fill(feed.feedUrl);
    await sources.submit();
    await sources.dialog.waitFor({ state: 'detached' });

    const source = sources.source('Stadsnieuws');
    await source.getByText('In orde').waitFor();
    await source.getByText(/^Laatst gecontroleerd/).waitFor();
    const pill = desk.page.getByRole('button', { name: /nieuwe? berichte?n? — tonen/ });
    await pill.filter({ hasText: '1 nieuw bericht — tonen' }).waitFor();
    expect(await inbox.rowCount()).toBe(before);

    feed.publish(
      rssDocument('Stadsnieuws', [
        article(3, 'Nieuwe bomen in het Stadswandelpark', minutesAgo(1)),
        article(2, 'Markt verhuist tijdelijk naar de Kerkstraat', minutesAgo(5)),
        article(1, 'Stationsplein weer open', minutesAgo(30)),
      ]),
    );
    await sources.action('Stadsnieuws', /^Nu controleren$/).click();
    await source.getByRole('status').filter({ hasText: 'Gecontroleerd: 3 berichten gelezen' }).waitFor();
    await pill.filter({ hasText: '3 nieuwe berichten — tonen' }).waitFor();

    await pill.click();
    await expect.poll(() => inbox.rowCount()).toBe(before + 3);
    await inbox.waitForRow(0);
    // Among the newest rows (the demo's own mentions run up to about now, so not necessarily the first).
    const row = inbox.rowWithText('Nieuwe bomen in het Stadswandelpark');
    await row.waitFor();
    expect(await row.locator('[role="gridcell"][data-column="author"] .author__name').textContent()).toBe(
      'Redactie Stadsnieuws',
    );
    expect(Number(await row.getAttribute('aria-rowindex'))).toBeLessThan(30);
    for (const session of sessions) expectClean(session);
  });

  it('names what is wrong in the form before anything is sent, and Escape closes it', async () => {
    const sources = await openSources();
    await sources.openAddForm();
    await sources.chooseKind(/^Mastodon$/);
    await sources.field('Server').fill('mastodon.social');
    await sources.field('Hashtag').fill('twee woorden');
    await sources.submit();
    await sources.dialog.getByText('Vul dit in.').waitFor();
    await sources.dialog.getByText('Geef een adres dat begint met https://').waitFor();
    await sources.dialog.getByText('Eén woord zonder spaties, bijvoorbeeld eindhoven.').waitFor();
    expect(await sources.field('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await sources.field('Naam').evaluate((element) => element === document.activeElement)).toBe(true);

    await sources.page.keyboard.press('Escape');
    await sources.dialog.waitFor({ state: 'detached' });
    expect((await host.call('sources.list', {})).map((source) => source.name)).toEqual(['Stadsnieuws']);
    expectClean(sessions[0]!);
  });

  it('shows a failing source in colour and words, pauses and resumes it, and removes it after asking', async () => {
    const sources = await openSources();
    await sources.openAddForm();
    await sources.field('Naam').fill('Oude feed');
    await sources.field('Adres van de feed').fill(`${feed.server.url}/verdwenen.xml`);
    await sources.submit();
    const source = sources.source('Oude feed');
    await source.getByText('Mislukt').waitFor();
    await source
      .getByText('the server said 404 Not Found for /verdwenen.xml: check the address', { exact: true })
      .waitFor();
    // A time today, or a day and a time when the next check falls after midnight (as it does late in the evening).
    await source.getByText(/volgende controle (\d{1,2} \S+ )?\d\d:\d\d/).waitFor();

    await sources.action('Oude feed', /^Pauzeren$/).click();
    await source.getByText('Gepauzeerd').waitFor();
    await sources.action('Oude feed', /^Hervatten$/).click();
    await source.getByText('Mislukt').waitFor();

    const mentions = (await host.call('workspace.stats', {})).mentions;
    await sources.action('Oude feed', /^Verwijderen$/).click();
    const confirm = sources.page.getByRole('alertdialog', { name: 'Oude feed verwijderen?' });
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await source.waitFor({ state: 'detached' });
    expect((await host.call('workspace.stats', {})).mentions).toBe(mentions);
    expectClean(sessions[0]!);
  });

  it('shows a webhook address once; mentions pushed to it arrive in the inbox', async () => {
    const sources = await openSources();
    await sources.openAddForm();
    await sources.chooseKind(/^Webhook$/);
    await sources.field('Naam').fill('Meldingen-app');
    await sources.submit();
    const shown = sources.page.getByRole('dialog', { name: 'Het adres van Meldingen-app' });
    const address = await shown.getByRole('textbox', { name: 'Webhookadres' }).inputValue();
    expect(address).toMatch(new RegExp(`^${host.url}/ingest/[\\w-]{32}$`));

    const response = await fetch(address, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        mentions: [
          { id: 'app-1', text: 'Stoeptegel los voor nummer 12', author: '@melder', created_at: minutesAgo(0) },
        ],
      }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).value).toMatchObject({ imported: 1, rejected: 0 });

    await shown.getByRole('button', { name: 'Klaar' }).click();
    const source = sources.source('Meldingen-app');
    await source.getByText(/^Laatst ontvangen/).waitFor();
    expect(JSON.stringify(await host.call('sources.list', {}))).not.toContain(address.split('/').pop()!);
    const stored = await host.call('mentions.search', { query: 'Stoeptegel' });
    expect(stored.mentions.map((m) => [m.channel, m.author.handle])).toEqual([['webhook', 'melder']]);
    expectClean(sessions[0]!);
  });
});

describe('screenshots of the sources page', () => {
  beforeAll(async () => {
    // One source in trouble, so the screenshots show every state the list has.
    const { source } = await host.call('sources.add', {
      kind: 'rss',
      name: 'Wijkforum',
      settings: { url: `${feed.server.url}/wijkforum.xml`, channel: 'forum' },
    });
    await host.call('sources.checkNow', { id: source.id });
    const { source: paused } = await host.call('sources.add', {
      kind: 'mastodon',
      name: '#eindhoven',
      // Loopback, like every address in these tests: nothing may reach the internet.
      settings: {
        instance: feed.server.url,
        timeline: 'hashtag',
        hashtag: 'eindhoven',
        intervalSeconds: 300,
      },
    });
    await host.call('sources.pause', { id: paused.id });
  });

  for (const [language, locale] of [
    ['nl', 'nl-NL'],
    ['en', 'en-GB'],
  ] as const) {
    it(language, async () => {
      const sources = await openSources(locale);
      await sources.list.waitFor();
      await sources.page.screenshot({ path: path.join(SCREENSHOTS, `sources-${language}.png`) });
      await sources.openAddForm();
      await sources.chooseKind(/^Mastodon$/);
      await sources.page.screenshot({ path: path.join(SCREENSHOTS, `sources-add-${language}.png`) });
      expectClean(sessions[0]!);
    });
  }
});
