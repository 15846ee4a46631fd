import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openMemoryWorkspace, type Db } from '../../store/db';
import type { SecretBox } from '../../secrets/secret-box';
import type { ParsedMention, Reject } from '../formats/types';
import { LoopbackServer, type FixtureReply } from './fixtures/loopback';
import { ManualClock } from './fixtures/manual-clock';
import { httpJson } from './http';
import { SourceScheduler, type SchedulerOptions } from './scheduler';
import type { Connector } from './types';

/** A minimal live source: GET a JSON list of ids, one mention each, cursor counts polls. */
const listConnector: Connector<{ url: string; intervalSeconds?: number }, { polls: number }> = {
  kind: 'list',
  channel: 'webhook',
  configSchema: z.object({ url: z.string(), intervalSeconds: z.number().optional() }),
  cursorSchema: z.object({ polls: z.number() }),
  secretFields: [],
  defaultIntervalSeconds: 300,
  async poll(config, cursor, ctx) {
    const body = (await httpJson(ctx, { url: new URL(config.url) }, 'the list')) as { ids: string[] };
    const mentions = body.ids.map((id) => ({ ...mention, externalId: id, fetchedAt: ctx.now() }));
    return { mentions, rejects: [], cursor: { polls: (cursor?.polls ?? 0) + 1 } };
  },
};

const mention: ParsedMention = {
  channel: 'webhook',
  externalId: '',
  url: null,
  author: null,
  text: 'Er ligt glas op het fietspad',
  createdAt: 0,
  fetchedAt: 0,
  parentExternalId: null,
  conversationId: null,
  reach: 0,
  geo: null,
  raw: null,
};

const plainBox: SecretBox = { seal: (plain) => plain, open: (sealed) => sealed };
const NOON = Date.parse('2026-11-02T12:00:00Z');

let db: Db;
let server: LoopbackServer;
let reply: FixtureReply;
let clock: ManualClock;
let stored: { sourceId: number; ids: string[]; rejects: Reject[] }[];
let scheduler: SourceScheduler;

function addSource(name: string, config: object, paused = false): number {
  const row = db
    .prepare<[string, string, number, number], { id: number }>(
      `INSERT INTO sources (kind, name, config, paused, created_at) VALUES ('list', ?, ?, ?, ?) RETURNING id`,
    )
    .get(name, JSON.stringify(config), paused ? 1 : 0, NOON);
  return row!.id;
}

function sourceRow(id: number) {
  return db.prepare('SELECT health, last_error, last_success_at, cursor FROM sources WHERE id = ?').get(id) as {
    health: string;
    last_error: string | null;
    last_success_at: number | null;
    cursor: string | null;
  };
}

function makeScheduler(overrides: Partial<SchedulerOptions> = {}): SourceScheduler {
  return new SourceScheduler({
    db,
    box: plainBox,
    store: (sourceId, mentions, rejects) =>
      void stored.push({ sourceId, ids: mentions.map((m) => m.externalId), rejects }),
    connectors: { list: listConnector },
    clock,
    random: () => 1,
    timeZone: 'UTC',
    ...overrides,
  });
}

/** Moves time and waits for the poll it started, if any. */
async function advance(ms: number, sourceId: number): Promise<void> {
  clock.advance(ms);
  await scheduler.currentPoll(sourceId);
}

beforeEach(async () => {
  db = openMemoryWorkspace();
  reply = { status: 200, body: { ids: ['a1', 'a2'] } };
  server = await LoopbackServer.start(() => reply);
  clock = new ManualClock(NOON);
  stored = [];
  scheduler = makeScheduler();
});

afterEach(async () => {
  await scheduler.stop();
  await server.close();
  db.close();
});

describe('source scheduler', () => {
  it('polls a new source at once, stores what it found, and polls again only after its interval', async () => {
    const id = addSource('stad', { url: `${server.url}/list`, intervalSeconds: 120 });
    scheduler.start();
    await advance(0, id);
    expect(stored).toEqual([{ sourceId: id, ids: ['a1', 'a2'], rejects: [] }]);
    expect(sourceRow(id)).toMatchObject({
      health: 'ok',
      last_error: null,
      last_success_at: NOON,
      cursor: '{"polls":1}',
    });

    await advance(119_000, id);
    expect(server.requests).toHaveLength(1);
    await advance(1_000, id);
    expect(server.requests).toHaveLength(2);
    expect(sourceRow(id).cursor).toBe('{"polls":2}');
  });

  it('spreads the first polls of many sources a second apart', async () => {
    const ids = [
      addSource('een', { url: `${server.url}/list` }),
      addSource('twee', { url: `${server.url}/list` }),
      addSource('drie', { url: `${server.url}/list` }),
    ];
    scheduler.start();
    await advance(0, ids[0]!);
    expect(server.requests).toHaveLength(1);
    await advance(1_000, ids[1]!);
    expect(server.requests).toHaveLength(2);
    await advance(1_000, ids[2]!);
    expect(stored.map((s) => s.sourceId)).toEqual(ids);
  });

  it('on 429 with Retry-After backs off, sends nothing before that time (not even "check now"), then recovers', async () => {
    const id = addSource('stad', { url: `${server.url}/list`, intervalSeconds: 60 });
    server.fail({ status: 429, headers: { 'retry-after': '600' }, body: { error: 'Too many requests' } });
    scheduler.start();
    await advance(0, id);
    expect(sourceRow(id)).toMatchObject({
      health: 'backing_off',
      last_error: 'the server said 429 Too Many Requests (Too many requests); next try at 12:10',
    });
    expect(stored).toEqual([]);

    const early = await scheduler.checkNow(id);
    expect(early.result).toBe('waiting');
    await advance(599_000, id);
    expect(server.requests).toHaveLength(1);

    await advance(1_000, id);
    expect(server.requests).toHaveLength(2);
    expect(sourceRow(id)).toMatchObject({ health: 'ok', last_error: null, last_success_at: NOON + 600_000 });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const id = addSource('stad', { url: `${server.url}/list` });
    server.fail({ status: 503, headers: { 'retry-after': new Date(NOON + 45 * 60_000).toUTCString() } });
    scheduler.start();
    await advance(0, id);
    expect(sourceRow(id).last_error).toBe('the server said 503 Service Unavailable; next try at 12:45');
    await advance(45 * 60_000 - 1_000, id);
    expect(server.requests).toHaveLength(1);
    await advance(1_000, id);
    expect(server.requests).toHaveLength(2);
  });

  it('backs off exponentially on 5xx, shows failing after 3 errors in a row, and ok again on recovery', async () => {
    const id = addSource('stad', { url: `${server.url}/list`, intervalSeconds: 60 });
    server.fail({ status: 500, body: 'Internal Server Error' }, 3);
    scheduler.start();
    await advance(0, id);
    const gaps: number[] = [];
    const healths: string[] = [sourceRow(id).health];
    for (let i = 0; i < 3; i++) {
      const before = clock.now();
      const next = clock.nextAt!;
      gaps.push(next - before);
      await advance(next - before, id);
      healths.push(sourceRow(id).health);
    }
    // random() = 1: the full step each time, 30 s doubling; never a tight loop.
    expect(gaps).toEqual([30_000, 60_000, 120_000]);
    expect(healths).toEqual(['backing_off', 'backing_off', 'failing', 'ok']);
    expect(server.requests).toHaveLength(4);
    expect(stored).toHaveLength(1);
  });

  it('caps the backoff and adds jitter', async () => {
    const id = addSource('stad', { url: `${server.url}/list` });
    scheduler = makeScheduler({
      random: () => 0,
      backoff: { baseMs: 30_000, capMs: 100_000, retryAfterCapMs: 86_400_000 },
    });
    server.fail({ status: 502 }, 6);
    scheduler.start();
    await advance(0, id);
    const gaps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const gap = clock.nextAt! - clock.now();
      gaps.push(gap);
      await advance(gap, id);
    }
    // random() = 0: half of each step; the step stops growing at the cap.
    expect(gaps).toEqual([15_000, 30_000, 50_000, 50_000, 50_000]);
  });

  it('explains a network error in plain words', async () => {
    const id = addSource('stad', { url: `${server.url}/list` });
    server.fail({ dropConnection: true });
    scheduler.start();
    await advance(0, id);
    expect(sourceRow(id).health).toBe('backing_off');
    expect(sourceRow(id).last_error).toMatch(/^127\.0\.0\.1:\d+ closed the connection; next try at 12:00$/);

    const closed = await LoopbackServer.start(() => reply);
    const url = `${closed.url}/list`;
    await closed.close();
    const other = addSource('gone', { url });
    await scheduler.checkNow(other);
    expect(sourceRow(other).last_error).toMatch(
      /^could not connect to 127\.0\.0\.1:\d+ \(connection refused\); next try at 12:00$/,
    );
  });

  it('marks a refused credential failing at once and retries only at the normal interval', async () => {
    const id = addSource('stad', { url: `${server.url}/list`, intervalSeconds: 900 });
    reply = { status: 401, body: { error: 'The access token is invalid' } };
    scheduler.start();
    await advance(0, id);
    expect(sourceRow(id).health).toBe('failing');
    expect(sourceRow(id).last_error).toBe(
      "the server said 401 Unauthorized (The access token is invalid): check the credentials in the source's settings; next try at 12:15",
    );
    expect(clock.nextAt).toBe(NOON + 900_000);
  });

  it('never runs two polls of one source at once', async () => {
    const id = addSource('stad', { url: `${server.url}/list` });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await server.close();
    server = await LoopbackServer.start(async () => {
      await held;
      return reply;
    });
    db.prepare('UPDATE sources SET config = ? WHERE id = ?').run(JSON.stringify({ url: `${server.url}/list` }), id);
    const first = scheduler.checkNow(id);
    const second = scheduler.checkNow(id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const outcomes = await Promise.all([first, second]);
    expect(server.requests).toHaveLength(1);
    expect(outcomes.map((o) => o.result)).toEqual(['stored', 'stored']);
    expect(stored).toHaveLength(1);
  });

  it('leaves paused sources alone and stops polling a source once it is paused', async () => {
    const paused = addSource('gepauzeerd', { url: `${server.url}/list` }, true);
    const active = addSource('actief', { url: `${server.url}/list`, intervalSeconds: 60 });
    scheduler.start();
    await advance(0, active);
    expect(stored.map((s) => s.sourceId)).toEqual([active]);

    db.prepare('UPDATE sources SET paused = 1 WHERE id = ?').run(active);
    scheduler.sourceChanged(active);
    await advance(3_600_000, active);
    expect(server.requests).toHaveLength(1);
    expect(scheduler.currentPoll(paused)).toBeNull();
  });

  it('does not advance the cursor when storing fails, so the next poll fetches the same mentions again', async () => {
    const id = addSource('stad', { url: `${server.url}/list` });
    scheduler = makeScheduler({
      store: () => {
        throw new Error('disk full');
      },
    });
    const outcome = await scheduler.checkNow(id);
    expect(outcome.result).toBe('error');
    expect(sourceRow(id)).toMatchObject({ health: 'failing', cursor: null });
    expect(sourceRow(id).last_error).toMatch(/^the polled mentions could not be stored: .*disk full/);
  });

  it('reports unreadable settings as failing, naming the field', async () => {
    const id = addSource('stad', { adres: 'nergens' });
    const outcome = await scheduler.checkNow(id);
    expect(outcome.health?.health).toBe('failing');
    expect(outcome.health?.lastError).toMatch(
      /^the settings of this source are not valid \(url: .*\): edit the source/,
    );
  });

  it('stops an in-flight poll without blaming the source', async () => {
    const id = addSource('stad', { url: `${server.url}/list` });
    await server.close();
    server = await LoopbackServer.start(() => new Promise<FixtureReply>(() => undefined));
    db.prepare('UPDATE sources SET config = ? WHERE id = ?').run(JSON.stringify({ url: `${server.url}/list` }), id);
    scheduler.start();
    clock.advance(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await scheduler.stop();
    expect(sourceRow(id)).toMatchObject({ health: 'ok', last_error: null });
  });

  it('tells a listener about each change of health', async () => {
    const seen: string[] = [];
    scheduler = makeScheduler({ onHealth: (h) => seen.push(`${h.sourceId}:${h.health}`) });
    const id = addSource('stad', { url: `${server.url}/list` });
    server.fail({ status: 500 });
    scheduler.start();
    await advance(0, id);
    await advance(clock.nextAt! - clock.now(), id);
    expect(seen).toEqual([`${id}:backing_off`, `${id}:ok`]);
  });
});
