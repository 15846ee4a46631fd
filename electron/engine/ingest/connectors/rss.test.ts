import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryWorkspace } from '../../store/db';
import type { SecretBox } from '../../secrets/secret-box';
import { sealSourceConfig } from './config';
import { SourceError } from './errors';
import { pollContext, tempSecretBox } from './fixtures/context';
import { FeedFixture, googleAlertsDocument, rssDocument, type FeedItem } from './fixtures/feed-server';
import { ManualClock } from './fixtures/manual-clock';
import { rssConnector, type RssConfig } from './rss';
import { SourceScheduler } from './scheduler';

let feed: FeedFixture;
let secrets: ReturnType<typeof tempSecretBox>;
let box: SecretBox;

const items: FeedItem[] = [
  {
    id: 'https://nieuws.fixture/2026/11/02/stationsplein',
    title: 'Stationsplein langer dicht',
    link: 'https://nieuws.fixture/2026/11/02/stationsplein',
    summary: 'De werkzaamheden aan het Stationsplein duren twee weken langer.',
    published: '2026-11-02T07:30:00Z',
    author: 'Redactie',
  },
  {
    id: 'https://nieuws.fixture/2026/11/01/kermis',
    title: 'Kermis trekt record aantal bezoekers',
    link: 'https://nieuws.fixture/2026/11/01/kermis',
    summary: 'Ruim 80.000 mensen bezochten de kermis.',
    published: '2026-11-01T18:00:00Z',
  },
];

const config = (extra: Record<string, unknown> = {}): RssConfig =>
  sealSourceConfig(rssConnector, { url: feed.feedUrl, ...extra }, box);

beforeEach(async () => {
  feed = await FeedFixture.start(rssDocument('Nieuws uit de stad', items));
  secrets = tempSecretBox();
  box = secrets.box;
});
afterEach(async () => {
  await feed.close();
  secrets.dispose();
});

describe('RSS / Atom polling', () => {
  it('reads the entries and keeps the validators for the next poll', async () => {
    const result = await rssConnector.poll(config(), null, pollContext(box));
    expect(result.mentions.map((m) => [m.externalId, m.text.split('\n')[0], m.createdAt])).toEqual([
      [items[0]!.id, 'Stationsplein langer dicht', Date.parse(items[0]!.published)],
      [items[1]!.id, 'Kermis trekt record aantal bezoekers', Date.parse(items[1]!.published)],
    ]);
    expect(result.mentions[0]).toMatchObject({ channel: 'rss', url: items[0]!.link, author: { handle: 'Redactie' } });
    expect(result.cursor?.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(result.cursor?.lastModified).toMatch(/GMT$/);
    expect(feed.server.requests[0]?.headers.accept).toContain('application/rss+xml');
  });

  it('sends If-None-Match and If-Modified-Since, and stores nothing on 304', async () => {
    const first = await rssConnector.poll(config(), null, pollContext(box));
    const second = await rssConnector.poll(config(), first.cursor, pollContext(box));
    const request = feed.server.requests[1]!;
    expect(request.headers['if-none-match']).toBe(first.cursor?.etag);
    expect(request.headers['if-modified-since']).toBe(first.cursor?.lastModified);
    expect(second).toEqual({ mentions: [], rejects: [], cursor: first.cursor, notModified: true });
  });

  it('uses If-Modified-Since alone when the server sends no ETag', async () => {
    const first = await rssConnector.poll(config(), null, pollContext(box));
    const result = await rssConnector.poll(config(), { lastModified: first.cursor!.lastModified! }, pollContext(box));
    expect(feed.server.requests[1]?.headers['if-none-match']).toBeUndefined();
    expect(result.notModified).toBe(true);
  });

  it('reads a changed feed again, with the same ids for entries it already had', async () => {
    const first = await rssConnector.poll(config(), null, pollContext(box));
    const newer: FeedItem = {
      ...items[0]!,
      id: 'https://nieuws.fixture/2026/11/03/brug',
      title: 'Brug weer open',
      published: '2026-11-03T09:00:00Z',
    };
    feed.publish(rssDocument('Nieuws uit de stad', [newer, ...items]), new Date('2026-11-03T09:01:00Z'));
    const second = await rssConnector.poll(config(), first.cursor, pollContext(box));
    expect(second.notModified).toBeFalsy();
    expect(second.mentions.map((m) => m.externalId)).toEqual([newer.id, ...first.mentions.map((m) => m.externalId)]);
    expect(second.cursor?.etag).not.toBe(first.cursor?.etag);
  });

  it('through the scheduler: a 304 stores nothing and still counts as a success', async () => {
    const db = openMemoryWorkspace();
    const stored: number[] = [];
    const clock = new ManualClock(Date.parse('2026-11-02T12:00:00Z'));
    const id = db
      .prepare<[string, number], { id: number }>(
        `INSERT INTO sources (kind, name, config, created_at) VALUES ('rss', 'Nieuws', ?, ?) RETURNING id`,
      )
      .get(JSON.stringify(config({ intervalSeconds: 600 })), clock.now())!.id;
    const scheduler = new SourceScheduler({
      db,
      box,
      clock,
      store: (_id, mentions) => void stored.push(mentions.length),
    });
    expect((await scheduler.checkNow(id)).result).toBe('stored');
    clock.advance(600_000);
    const outcome = await scheduler.checkNow(id);
    expect(outcome.result).toBe('not_modified');
    expect(stored).toEqual([2]);
    expect(outcome.health).toMatchObject({ health: 'ok', lastSuccessAt: clock.now(), lastError: null });
    await scheduler.stop();
    db.close();
  });

  it('unwraps Google Alerts links to the real article', async () => {
    feed.publish(
      googleAlertsDocument('Eindhoven', [
        { ...items[0]!, title: 'Eindhoven: Stationsplein langer dicht', summary: 'Eindhoven meldt vertraging' },
      ]),
    );
    const result = await rssConnector.poll(config(), null, pollContext(box));
    expect(result.mentions[0]?.url).toBe(items[0]!.link);
    expect(result.mentions[0]?.text).toContain('Eindhoven: Stationsplein langer dicht');
  });

  it('files a civic forum under the forum channel', async () => {
    const result = await rssConnector.poll(config({ channel: 'forum' }), null, pollContext(box));
    expect(result.mentions.every((m) => m.channel === 'forum')).toBe(true);
  });

  it('treats a feed without entries as nothing new, not as a problem', async () => {
    feed.publish(rssDocument('Nieuws uit de stad', []));
    const result = await rssConnector.poll(config(), null, pollContext(box));
    expect(result.mentions).toEqual([]);
    expect(result.cursor?.etag).toBeDefined();
  });

  it('says plainly when the address serves no feed', async () => {
    feed.publish('<!DOCTYPE html><html><body>Pagina niet gevonden</body></html>');
    const error = await rssConnector.poll(config(), null, pollContext(box)).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(/this is not an RSS, Atom or RDF feed: its root element is <html>/);
  });
});
