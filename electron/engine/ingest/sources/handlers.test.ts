import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../secrets/key-file-box';
import { useTestWorkspace } from '../../testing/workspace';
import { FeedFixture, rssDocument, type FeedItem } from '../connectors/fixtures/feed-server';
import { MastodonFixture } from '../connectors/fixtures/mastodon-server';

const workspace = useTestWorkspace('sources', { liveSources: true });
const { call, failure } = workspace;

const texts = () =>
  workspace.engine.db.prepare('SELECT text FROM mentions ORDER BY created_at').pluck().all() as string[];

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const item = (n: number, title: string): FeedItem => ({
  id: `urn:nieuws:${n}`,
  title,
  link: `https://nieuws.fixture/artikel/${n}`,
  summary: `${title}: lees meer op de site.`,
  published: `2026-11-0${n}T08:00:00Z`,
  author: 'Redactie',
});

describe('live sources through the engine', () => {
  it('polls a new RSS source at once, then "check now" brings in what the feed published since', async () => {
    const feed = await FeedFixture.start(rssDocument('Stadsnieuws', [item(1, 'Stationsweg weer open')]));
    try {
      const { source, webhookToken } = await call('sources.add', {
        kind: 'rss',
        name: 'Stadsnieuws',
        settings: { url: feed.feedUrl, intervalSeconds: 600 },
      });
      expect(webhookToken).toBeNull();
      expect(source).toMatchObject({ kind: 'rss', paused: false, health: 'ok', intervalSeconds: 600 });
      await until(() => texts().length === 1, 'the first poll');
      expect(texts()[0]).toContain('Stationsweg weer open');

      feed.publish(rssDocument('Stadsnieuws', [item(2, 'Nieuwe bomen in het park'), item(1, 'Stationsweg weer open')]));
      const added = workspace.events.filter((event) => event.name === 'mentions.added').length;
      const checked = await call('sources.checkNow', { id: source.id });
      expect(checked).toMatchObject({ result: 'stored', mentions: 2 });
      expect(checked.source.lastSuccessAt).not.toBeNull();
      expect(texts()).toHaveLength(2);
      expect(workspace.events.filter((event) => event.name === 'mentions.added')).toHaveLength(added + 1);
      // Unchanged since: the feed answers 304 and nothing is stored twice.
      expect(await call('sources.checkNow', { id: source.id })).toMatchObject({ result: 'not_modified' });
      expect(feed.server.requests.at(-1)?.headers['if-none-match']).toBeDefined();
      expect(workspace.events.some((event) => event.name === 'sources.changed')).toBe(true);
    } finally {
      await feed.close();
    }
  });

  it('feeds a Mastodon hashtag timeline into the store, with the access token sealed in the key-file box', async () => {
    const mastodon = await MastodonFixture.start();
    try {
      mastodon.add({ id: '113400000000000001', text: 'Drukte bij het station', tags: ['eindhoven'] });
      const { source } = await call('sources.add', {
        kind: 'mastodon',
        name: '#eindhoven',
        settings: {
          instance: mastodon.url,
          timeline: 'hashtag',
          hashtag: '#eindhoven',
          secrets: { accessToken: mastodon.accessToken },
        },
      });
      expect(source.settings).toMatchObject({ hashtag: 'eindhoven', secrets: { accessToken: true } });
      await until(() => texts().length === 1, 'the first Mastodon poll');
      expect(mastodon.server.requests[0]?.headers.authorization).toBe(`Bearer ${mastodon.accessToken}`);
      const stored = workspace.engine.db
        .prepare('SELECT config FROM sources WHERE id = ?')
        .pluck()
        .get(source.id) as string;
      expect(stored).not.toContain(mastodon.accessToken);
      expect(statSync(path.join(workspace.dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);

      mastodon.add({ id: '113400000000000002', text: 'Trein weer op tijd', tags: ['eindhoven'] });
      await call('sources.checkNow', { id: source.id });
      expect(texts()).toEqual(['Drukte bij het station #eindhoven', 'Trein weer op tijd #eindhoven']);
      const row = workspace.engine.db.prepare("SELECT channel, url FROM mentions WHERE text LIKE 'Trein%'").get();
      expect(row).toEqual({ channel: 'mastodon', url: expect.stringMatching(/\/113400000000000002$/) });
    } finally {
      await mastodon.close();
    }
  });

  it('shows a source backing off after an outage, and failing in plain words when the token is refused', async () => {
    const mastodon = await MastodonFixture.start();
    try {
      const { source } = await call('sources.add', {
        kind: 'mastodon',
        name: 'Zoeken',
        settings: { instance: mastodon.url, timeline: 'search', query: 'glasvezel', secrets: { accessToken: 'wrong' } },
      });
      await until(() => mastodon.server.requests.length > 0, 'a poll');
      await workspace.engine.liveSources.scheduler.currentPoll(source.id);
      const [failing] = await call('sources.list', {});
      expect(failing).toMatchObject({ health: 'failing', lastSuccessAt: null });
      // The engine's clock time of the next try is left out: the screen shows nextCheckAt in its own zone.
      expect(failing!.lastError).toBe(
        "the server said 401 Unauthorized (The access token is invalid): check the credentials in the source's settings",
      );
      expect(failing!.nextCheckAt).not.toBeNull();

      // Settings are replaced as a whole; a credential left out would have stayed as it was.
      await call('sources.update', {
        id: source.id,
        settings: {
          instance: mastodon.url,
          timeline: 'search',
          query: 'glasvezel',
          secrets: { accessToken: mastodon.accessToken },
        },
      });
      mastodon.server.fail({ status: 502, body: 'Bad Gateway' });
      await until(() => mastodon.server.requests.length >= 2, 'the poll after the edit');
      await workspace.engine.liveSources.scheduler.currentPoll(source.id);
      const [backingOff] = await call('sources.list', {});
      expect(backingOff).toMatchObject({ health: 'backing_off' });
      expect(backingOff!.lastError).toMatch(/^the server said 502 Bad Gateway/);
      const recovered = await call('sources.checkNow', { id: source.id });
      expect(recovered.source).toMatchObject({ health: 'ok', lastError: null });
    } finally {
      await mastodon.close();
    }
  });

  it('says what is wrong with settings before storing anything', async () => {
    const badUrl = await failure('sources.add', { kind: 'rss', name: 'Krant', settings: { url: 'ftp://krant' } });
    expect(badUrl).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/url: must be an http\(s\) address/),
    });
    const noTag = await failure('sources.add', {
      kind: 'mastodon',
      name: 'Tag',
      settings: { instance: 'https://mastodon.social', timeline: 'hashtag' },
    });
    expect(noTag.message).toMatch(/hashtag: is needed for a hashtag timeline/);
    expect(await failure('sources.add', { kind: 'rss', name: ' ', settings: {} })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await call('sources.list', {})).toEqual([]);
  });

  it('pauses, resumes and removes a source; its mentions stay and its name is free again', async () => {
    const feed = await FeedFixture.start(rssDocument('Wijkforum', [item(3, 'Parkeren in de wijk')]));
    try {
      const { source } = await call('sources.add', {
        kind: 'rss',
        name: 'Wijkforum',
        settings: { url: feed.feedUrl, channel: 'forum' },
      });
      await until(() => texts().length === 1, 'the first poll');
      const paused = await call('sources.pause', { id: source.id });
      expect(paused).toMatchObject({ paused: true, nextCheckAt: null });
      expect((await call('sources.resume', { id: source.id })).paused).toBe(false);
      const twin = await failure('sources.add', { kind: 'rss', name: 'Wijkforum', settings: { url: feed.feedUrl } });
      expect(twin).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/already a rss source called 'Wijkforum'/),
      });

      expect(await call('sources.delete', { id: source.id })).toEqual({ id: source.id });
      expect(await call('sources.list', {})).toEqual([]);
      expect(texts()).toEqual(
        ['Parkeren in de wijk: Parkeren in de wijk: lees meer op de site.'].map(() => texts()[0]),
      );
      expect(workspace.engine.db.prepare('SELECT channel FROM mentions').pluck().get()).toBe('forum');
      await call('sources.add', { kind: 'rss', name: 'Wijkforum', settings: { url: feed.feedUrl } });
      expect(await failure('sources.checkNow', { id: source.id })).toMatchObject({ code: 'not_found' });
    } finally {
      await feed.close();
    }
  });
});

describe('webhook sources', () => {
  it('shows the token once, stores what is pushed, and keeps each bad mention with its reason', async () => {
    const { source, webhookToken } = await call('sources.add', {
      kind: 'webhook',
      name: 'Meldingen-app',
      settings: {},
    });
    expect(webhookToken).toMatch(/^[\w-]{32}$/);
    expect(JSON.stringify(await call('sources.list', {}))).not.toContain(webhookToken!);
    expect(source.settings).not.toHaveProperty('tokenHash');

    const pushed = await call('ingest.webhook', {
      token: webhookToken!,
      body: {
        mentions: [
          {
            id: 'm-1',
            text: 'Lantaarnpaal kapot bij de school',
            author: '@bewoner',
            created_at: '2026-11-02T07:30:00Z',
          },
          { id: 'm-2', text: '' },
          { id: 'm-3', text: 'Datum?', created_at: 'gisteren' },
        ],
      },
    });
    expect(pushed).toMatchObject({ imported: 1, duplicates: 0, rejected: 2 });
    expect(pushed.rejects).toEqual([
      {
        record: 2,
        reason: expect.stringMatching(/^mention 2: 'text'/),
        code: 'fields_invalid',
        params: { unit: 'mention', no: 2, field: 'text', detail: expect.stringMatching(/^'text'/) },
      },
      {
        record: 3,
        reason: "mention 3: 'created_at' is not a date: 'gisteren'",
        code: 'date_unparseable',
        params: { unit: 'mention', no: 3, field: 'created_at', fieldKind: 'field', value: 'gisteren' },
      },
    ]);
    expect(texts()).toEqual(['Lantaarnpaal kapot bij de school']);
    const [received] = await call('sources.list', {});
    expect(received!.lastSuccessAt).not.toBeNull();
    const groups = await call('ingest.rejectGroups', {});
    expect(groups).toEqual([
      expect.objectContaining({ sourceName: 'Meldingen-app', file: null, count: 2, retry: null }),
    ]);

    const again = await call('ingest.webhook', {
      token: webhookToken!,
      body: { id: 'm-1', text: 'Lantaarnpaal kapot bij de school' },
    });
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
    expect(await failure('sources.checkNow', { id: source.id })).toMatchObject({ code: 'invalid_input' });
  });

  it('refuses an unknown token, a paused source, and the old token once a new one is issued', async () => {
    const { source, webhookToken } = await call('sources.add', { kind: 'webhook', name: 'Koppeling', settings: {} });
    const body = { id: 1, text: 'Hallo' };
    expect(await failure('ingest.webhook', { token: 'x'.repeat(32), body })).toMatchObject({ code: 'not_found' });
    await call('sources.pause', { id: source.id });
    expect(await failure('ingest.webhook', { token: webhookToken, body })).toMatchObject({
      code: 'unavailable',
      message: "the webhook source 'Koppeling' is paused",
    });
    await call('sources.resume', { id: source.id });
    const renewed = await call('sources.update', { id: source.id, renewToken: true });
    expect(renewed.webhookToken).not.toBe(webhookToken);
    expect(await failure('ingest.webhook', { token: webhookToken, body })).toMatchObject({ code: 'not_found' });
    expect(await call('ingest.webhook', { token: renewed.webhookToken!, body })).toMatchObject({ imported: 1 });
    await call('sources.delete', { id: source.id });
    expect(await failure('ingest.webhook', { token: renewed.webhookToken, body })).toMatchObject({ code: 'not_found' });
  });
});
