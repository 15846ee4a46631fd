import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MentionWriter } from '../../mentions/write';
import { openMemoryWorkspace, type Db } from '../../store/db';
import type { SecretBox } from '../../secrets/secret-box';
import { sealSourceConfig, type SourceConfigInput } from './config';
import { BlueskyFixture } from './fixtures/bluesky-server';
import { tempSecretBox } from './fixtures/context';
import { FeedFixture, rssDocument } from './fixtures/feed-server';
import type { LoopbackServer } from './fixtures/loopback';
import { ManualClock } from './fixtures/manual-clock';
import { MastodonFixture } from './fixtures/mastodon-server';
import { FIXTURE_CHANNEL_ID, YouTubeFixture } from './fixtures/youtube-server';
import { CONNECTORS } from './registry';
import { SourceScheduler } from './scheduler';

const NOON = Date.parse('2026-11-02T12:00:00Z');

interface LiveCase {
  kind: string;
  start(): Promise<{ server: LoopbackServer; input: SourceConfigInput; close(): Promise<void> }>;
  /** The rate-limit answer this API gives. */
  rateLimit: { status: number; headers: Record<string, string>; body?: object };
}

/** Every live source kind, each against its own fixture server. */
const cases: LiveCase[] = [
  {
    kind: 'rss',
    async start() {
      const feed = await FeedFixture.start(
        rssDocument('Wijkforum', [
          {
            id: 'urn:forum:1',
            title: 'Parkeren',
            link: 'https://forum.fixture/t/1',
            summary: 'Te weinig plekken',
            published: '2026-11-02T08:00:00Z',
          },
        ]),
      );
      return { server: feed.server, input: { url: feed.feedUrl }, close: () => feed.close() };
    },
    rateLimit: { status: 429, headers: { 'retry-after': '300' } },
  },
  {
    kind: 'mastodon',
    async start() {
      const mastodon = await MastodonFixture.start();
      mastodon.add({ id: '113400000000000001', text: 'Mooie dag in #eindhoven', tags: ['eindhoven'] });
      return {
        server: mastodon.server,
        input: { instance: mastodon.url, timeline: 'hashtag', hashtag: 'eindhoven' },
        close: () => mastodon.close(),
      };
    },
    // Mastodon says when its window resets instead of sending Retry-After.
    rateLimit: {
      status: 429,
      headers: {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': new Date(NOON + 300_000).toISOString(),
      },
      body: { error: 'Too many requests' },
    },
  },
  {
    kind: 'bluesky',
    async start() {
      const bluesky = await BlueskyFixture.start();
      bluesky.add({ rkey: '3lb0000001', text: 'Geen tram vandaag', createdAt: '2026-11-02T08:00:00Z' });
      const input = {
        service: bluesky.url,
        identifier: bluesky.identifier,
        query: 'tram',
        secrets: { appPassword: bluesky.appPassword },
      };
      return { server: bluesky.server, input, close: () => bluesky.close() };
    },
    rateLimit: {
      status: 429,
      headers: { 'retry-after': '300', 'ratelimit-remaining': '0' },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    },
  },
  {
    kind: 'youtube',
    async start() {
      const youtube = await YouTubeFixture.start();
      youtube.add({ id: 'Ugz1', videoId: 'brugOpen123', text: 'Top!', publishedAt: '2026-11-02T08:00:00Z' });
      const input = { channelId: FIXTURE_CHANNEL_ID, apiRoot: youtube.apiRoot, secrets: { apiKey: youtube.apiKey } };
      return { server: youtube.server, input, close: () => youtube.close() };
    },
    rateLimit: { status: 429, headers: { 'retry-after': '300' } },
  },
];

let db: Db;
let secrets: ReturnType<typeof tempSecretBox>;
let box: SecretBox;
let clock: ManualClock;
let scheduler: SourceScheduler;
let stored: string[];

beforeEach(() => {
  db = openMemoryWorkspace();
  secrets = tempSecretBox();
  box = secrets.box;
  clock = new ManualClock(NOON);
  stored = [];
  scheduler = new SourceScheduler({
    db,
    box,
    clock,
    random: () => 1,
    timeZone: 'UTC',
    store: (_id, mentions) => void stored.push(...mentions.map((m) => m.externalId)),
  });
});
afterEach(async () => {
  await scheduler.stop();
  db.close();
  secrets.dispose();
});

function health(id: number) {
  return db.prepare('SELECT health, last_error, last_success_at, config FROM sources WHERE id = ?').get(id) as {
    health: string;
    last_error: string | null;
    last_success_at: number | null;
    config: string;
  };
}

async function advance(ms: number, id: number): Promise<void> {
  clock.advance(ms);
  await scheduler.currentPoll(id);
}

describe.each(cases)('$kind source under the scheduler', (live) => {
  it('backs off on a rate limit until the time the server named, fails after repeated 500s, and recovers', async () => {
    const fixture = await live.start();
    try {
      const config = sealSourceConfig(CONNECTORS[live.kind]!, { ...fixture.input, intervalSeconds: 600 }, box);
      const id = db
        .prepare<[string, string, number], { id: number }>(
          `INSERT INTO sources (kind, name, config, created_at) VALUES (?, 'bron', ?, ?) RETURNING id`,
        )
        .get(live.kind, JSON.stringify(config), NOON)!.id;
      for (const secret of Object.values(fixture.input.secrets ?? {})) expect(health(id).config).not.toContain(secret);

      fixture.server.fail(live.rateLimit);
      scheduler.start();
      await advance(0, id);
      expect(health(id).health).toBe('backing_off');
      expect(health(id).last_error).toMatch(/429 Too Many Requests.*; next try at 12:05$/);
      expect((await scheduler.checkNow(id)).result).toBe('waiting');
      await advance(299_000, id);
      expect(fixture.server.requests).toHaveLength(1);

      fixture.server.fail({ status: 500, body: 'Internal Server Error' }, 3);
      const states: string[] = [];
      for (let i = 0; i < 3; i++) {
        await advance(clock.nextAt! - clock.now(), id);
        states.push(health(id).health);
      }
      // The rate limit was the first error in a row: the third in a row makes the source failing.
      expect(states).toEqual(['backing_off', 'failing', 'failing']);
      expect(health(id).last_error).toMatch(/^the server said 500 Internal Server Error/);
      expect(stored).toEqual([]);

      await advance(clock.nextAt! - clock.now(), id);
      expect(health(id)).toMatchObject({ health: 'ok', last_error: null, last_success_at: clock.now() });
      expect(stored).toHaveLength(1);
    } finally {
      await fixture.close();
    }
  });
});

describe('polled mentions in the store', () => {
  it('polling the same page twice adds nothing the second time', async () => {
    const mastodon = await MastodonFixture.start();
    try {
      for (let i = 0; i < 5; i++)
        mastodon.add({ id: `11340000000000000${i}`, text: `Storing bij de tunnel ${i}`, tags: ['tunnel'] });
      const config = sealSourceConfig(
        CONNECTORS.mastodon!,
        { instance: mastodon.url, timeline: 'hashtag', hashtag: 'tunnel' },
        box,
      );
      const id = db
        .prepare<[string, number], { id: number }>(
          `INSERT INTO sources (kind, name, config, created_at) VALUES ('mastodon', '#tunnel', ?, ?) RETURNING id`,
        )
        .get(JSON.stringify(config), NOON)!.id;
      const writer = new MentionWriter(db);
      const inserted: number[] = [];
      const storing = new SourceScheduler({
        db,
        box,
        clock,
        store: (sourceId, mentions) => {
          const rows = mentions.map((m) => ({ ...m, sourceId, lang: null, sentiment: null, priority: 0 }));
          inserted.push(db.transaction(() => writer.write(rows))().inserted);
        },
      });
      await storing.checkNow(id);
      // Forget the cursor, as after a restore from backup: the same page comes again.
      db.prepare('UPDATE sources SET cursor = NULL WHERE id = ?').run(id);
      await storing.checkNow(id);
      expect(inserted).toEqual([5, 0]);
      expect(db.prepare('SELECT count(*) AS n FROM mentions WHERE source_id = ?').get(id)).toEqual({ n: 5 });
    } finally {
      await mastodon.close();
    }
  });
});
