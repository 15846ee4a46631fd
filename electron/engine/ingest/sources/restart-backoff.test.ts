import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventSink } from '../../events';
import { openMemoryWorkspace, type Db } from '../../store/db';
import { tempSecretBox } from '../connectors/fixtures/context';
import { FeedFixture, rssDocument } from '../connectors/fixtures/feed-server';
import { ManualClock } from '../connectors/fixtures/manual-clock';
import { IngestPipeline } from '../pipeline';
import { LiveSources } from './live-sources';

const NOON = Date.parse('2026-11-02T12:00:00Z');

let db: Db;
let secrets: ReturnType<typeof tempSecretBox>;
let feed: FeedFixture;
let running: LiveSources[];

beforeEach(async () => {
  db = openMemoryWorkspace();
  secrets = tempSecretBox();
  running = [];
  feed = await FeedFixture.start(
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
});

afterEach(async () => {
  for (const live of running) await live.stop();
  await feed.close();
  db.close();
  secrets.dispose();
});

/** The app starting over the same workspace: a new LiveSources (and scheduler) on the same database. */
function startApp(clock: ManualClock): LiveSources {
  const pipeline = new IngestPipeline(db, new EventSink(), () => ({
    lang: 'nl',
    sentiment: { label: 'neutral', score: 0 },
  }));
  const live = new LiveSources({
    db,
    events: new EventSink(),
    pipeline,
    box: secrets.box,
    scheduler: { clock, random: () => 1, timeZone: 'UTC' },
  });
  running.push(live);
  live.start();
  return live;
}

async function advance(live: LiveSources, clock: ManualClock, ms: number, id: number): Promise<void> {
  clock.advance(ms);
  await live.scheduler.currentPoll(id);
}

const backoffOf = (id: number) =>
  db.prepare('SELECT health, error_count, next_try_at, not_before FROM sources WHERE id = ?').get(id) as {
    health: string;
    error_count: number;
    next_try_at: number | null;
    not_before: number | null;
  };

describe('live source backoff across a restart', () => {
  it('a source a server told to wait does not poll again when the app restarts, not even on "check now"', async () => {
    const firstClock = new ManualClock(NOON);
    const first = startApp(firstClock);
    feed.server.fail({ status: 429, headers: { 'retry-after': '3600' } });
    const { source } = first.add('rss', 'Wijkforum', { url: feed.feedUrl, intervalSeconds: 300 });
    await advance(first, firstClock, 0, source.id);
    expect(feed.server.requests).toHaveLength(1);
    expect(backoffOf(source.id)).toEqual({
      health: 'backing_off',
      error_count: 1,
      next_try_at: NOON + 3_600_000,
      not_before: NOON + 3_600_000,
    });
    await first.stop();

    // Ten minutes later the app starts again.
    const clock = new ManualClock(NOON + 600_000);
    const second = startApp(clock);
    await advance(second, clock, 0, source.id);
    expect(feed.server.requests).toHaveLength(1);
    expect((await second.checkNow(source.id)).outcome.result).toBe('waiting');
    expect(second.get(source.id).nextCheckAt).toBe(new Date(NOON + 3_600_000).toISOString());
    // Pausing and resuming does not get round it either.
    second.setPaused(source.id, true);
    second.setPaused(source.id, false);
    await advance(second, clock, 3_000_000 - 1_000, source.id);
    expect(feed.server.requests).toHaveLength(1);

    await advance(second, clock, 1_000, source.id);
    expect(feed.server.requests).toHaveLength(2);
    expect(backoffOf(source.id)).toEqual({ health: 'ok', error_count: 0, next_try_at: null, not_before: null });
    expect(db.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(1);
  });

  it('continues an exponential backoff where it was instead of starting over', async () => {
    const firstClock = new ManualClock(NOON);
    const first = startApp(firstClock);
    feed.server.fail({ status: 503 }, 4);
    const { source } = first.add('rss', 'Wijkforum', { url: feed.feedUrl, intervalSeconds: 300 });
    await advance(first, firstClock, 0, source.id);
    await advance(first, firstClock, 30_000, source.id);
    // random() = 1: 30 s, then 60 s.
    expect(backoffOf(source.id)).toMatchObject({ error_count: 2, next_try_at: NOON + 90_000, not_before: null });
    await first.stop();

    const clock = new ManualClock(NOON + 40_000);
    const second = startApp(clock);
    await advance(second, clock, 49_000, source.id);
    expect(feed.server.requests).toHaveLength(2);
    await advance(second, clock, 1_000, source.id);
    expect(feed.server.requests).toHaveLength(3);
    // The third error in a row: failing, and the next step is 120 s, not 30 s again.
    expect(backoffOf(source.id)).toMatchObject({ health: 'failing', error_count: 3, next_try_at: NOON + 210_000 });
  });

  it('drops the old backoff when the source is pointed at another address', async () => {
    const firstClock = new ManualClock(NOON);
    const first = startApp(firstClock);
    feed.server.fail({ status: 429, headers: { 'retry-after': '3600' } });
    const { source } = first.add('rss', 'Wijkforum', { url: feed.feedUrl, intervalSeconds: 300 });
    await advance(first, firstClock, 0, source.id);
    first.update(source.id, { settings: { url: `${feed.feedUrl}?elders=1`, intervalSeconds: 300 } });
    expect(backoffOf(source.id)).toMatchObject({ error_count: 0, next_try_at: null, not_before: null });
    await advance(first, firstClock, 0, source.id);
    expect(feed.server.requests).toHaveLength(2);
    expect(backoffOf(source.id).health).toBe('ok');
  });
});
