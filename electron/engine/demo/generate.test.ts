import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/domain/mention';
import { getMeta } from '../mentions/write';
import { type Db, openMemoryWorkspace } from '../store/db';
import { HOUR_MS, localTime } from './calendar';
import { DEMO_CHUNK_SIZE, generateDemo } from './generate';
import { incidentWindows } from './incidents';

const UNTIL = Date.parse('2026-03-06T21:30:00Z');
const YEAR_MS = 365.25 * 24 * HOUR_MS;

interface Row {
  channel: string;
  external_id: string;
  url: string;
  text: string;
  lang: string;
  created_at: number;
  sentiment_label: string;
  sentiment_score: number;
  status: string;
  priority: number;
  parent_external_id: string | null;
  conversation_id: string | null;
  topic: string;
  incident: string | null;
}

function rowsOf(db: Db): Row[] {
  return db
    .prepare(
      `SELECT channel, external_id, url, text, lang, created_at, sentiment_label, sentiment_score, status, priority,
         parent_external_id, conversation_id, raw ->> '$.topic' AS topic, raw ->> '$.incident' AS incident
       FROM mentions ORDER BY id`,
    )
    .all() as Row[];
}

/** Everything a user could see of the demo, authors included, in one digest. */
function digest(db: Db): string {
  const hash = createHash('sha256');
  for (const row of db.prepare('SELECT * FROM mentions ORDER BY id').iterate()) hash.update(JSON.stringify(row));
  for (const row of db.prepare('SELECT * FROM authors ORDER BY id').iterate()) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

/** Indexes and triggers as SQLite reports them, to compare with a freshly migrated workspace. */
function schemaOf(db: Db): { type: string; name: string; sql: string }[] {
  return db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name`,
    )
    .all() as { type: string; name: string; sql: string }[];
}

async function demo(mentions: number, seed: number, years = 1): Promise<Db> {
  const db = openMemoryWorkspace();
  await generateDemo(db, { mentions, years, seed, until: UNTIL });
  return db;
}

describe('generateDemo', () => {
  let db: Db;
  let rows: Row[];

  beforeAll(async () => {
    db = await demo(40_000, 42);
    rows = rowsOf(db);
  });

  it('stores exactly the requested number of mentions inside the period, the newest within the last hour', () => {
    expect(rows).toHaveLength(40_000);
    const times = rows.map((row) => row.created_at);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(UNTIL - YEAR_MS);
    const newest = Math.max(...times);
    expect(newest).toBeLessThan(UNTIL);
    expect(newest).toBeGreaterThanOrEqual(UNTIL - HOUR_MS);
    expect(rows.filter((row) => row.created_at >= UNTIL - 24 * HOUR_MS).length).toBeGreaterThan(20);
    expect(getMeta(db, 'last_ingest_at')).not.toBeNull();
  });

  it('fills every social channel, the news feeds and the forum', () => {
    const perChannel = new Map<string, number>();
    for (const row of rows) perChannel.set(row.channel, (perChannel.get(row.channel) ?? 0) + 1);
    const expected = CHANNELS.filter((channel) => channel !== 'webhook' && channel !== 'file');
    expect([...perChannel.keys()].sort()).toEqual([...expected].sort());
    for (const channel of expected) expect(perChannel.get(channel)).toBeGreaterThan(rows.length * 0.01);
  });

  it('writes about three quarters in Dutch and the rest in English', () => {
    const dutch = rows.filter((row) => row.lang === 'nl').length / rows.length;
    expect(dutch).toBeGreaterThanOrEqual(0.7);
    expect(dutch).toBeLessThanOrEqual(0.8);
    expect(rows.every((row) => row.lang === 'nl' || row.lang === 'en')).toBe(true);
  });

  it('makes Friday and Saturday nights the busiest on the nightlife street', () => {
    const perEvening = new Array<number>(7).fill(0);
    for (const row of rows) {
      if (row.topic !== 'nightlife' || row.incident) continue;
      const local = localTime(row.created_at);
      if (local.hour >= 22) perEvening[local.weekday]!++;
      else if (local.hour < 3) perEvening[(local.weekday + 6) % 7]!++;
    }
    const weekendNights = (perEvening[5]! + perEvening[6]!) / 2;
    const weekNights = (perEvening[1]! + perEvening[2]! + perEvening[3]!) / 3;
    expect(weekendNights).toBeGreaterThan(2 * weekNights);
  });

  it('puts broadband and customer service in office hours', () => {
    const office = rows.filter((row) => row.topic === 'service' && !row.incident);
    const during = office.filter((row) => {
      const local = localTime(row.created_at);
      return local.weekday >= 1 && local.weekday <= 5 && local.hour >= 8 && local.hour < 17;
    });
    expect(during.length / office.length).toBeGreaterThan(0.6);
  });

  it('injects incidents: a spike on the nightlife street that turns mostly negative', () => {
    const windows = incidentWindows(UNTIL, 1).filter((window) => window.incident.topic === 'nightlife');
    expect(windows.length).toBeGreaterThanOrEqual(3);
    const { start, end, incident } = windows[windows.length - 1]!;
    const inWindow = rows.filter((row) => row.topic === 'nightlife' && row.created_at >= start && row.created_at < end);
    const weekBefore = rows.filter(
      (row) =>
        row.topic === 'nightlife' && row.created_at >= start - 168 * HOUR_MS && row.created_at < end - 168 * HOUR_MS,
    );
    expect(inWindow.length).toBeGreaterThan(3 * weekBefore.length);
    expect(inWindow.some((row) => row.incident === incident.id)).toBe(true);

    const negativeShare = (list: Row[]): number =>
      list.filter((row) => row.sentiment_label === 'negative').length / list.length;
    const baseline = rows.filter((row) => row.topic === 'nightlife' && !row.incident);
    expect(negativeShare(inWindow)).toBeGreaterThan(0.6);
    expect(negativeShare(baseline)).toBeLessThan(0.45);
  });

  it('threads replies under earlier posts of the same conversation', () => {
    const byId = new Map(rows.map((row) => [`${row.channel} ${row.external_id}`, row]));
    const replies = rows.filter((row) => row.parent_external_id !== null);
    expect(replies.length).toBeGreaterThan(rows.length * 0.05);
    for (const reply of replies) {
      const parent = byId.get(`${reply.channel} ${reply.parent_external_id}`);
      expect(parent, `parent of ${reply.external_id}`).toBeDefined();
      expect(parent!.created_at).toBeLessThanOrEqual(reply.created_at);
      expect(byId.get(`${reply.channel} ${reply.conversation_id}`)?.conversation_id).toBe(reply.conversation_id);
    }
  });

  it('writes varied text that full-text search finds, with a sentiment that fits', () => {
    expect(new Set(rows.map((row) => row.text)).size).toBeGreaterThan(rows.length * 0.6);
    const found = db.prepare(`SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'kroegstraat'`).get() as {
      n: number;
    };
    expect(found.n).toBeGreaterThan(rows.filter((row) => row.topic === 'nightlife').length * 0.8);
    const storing = rows.filter((row) => /\balweer storing\b/i.test(row.text));
    expect(storing.length).toBeGreaterThan(0);
    expect(storing.every((row) => row.sentiment_label === 'negative' && row.sentiment_score < 0)).toBe(true);
    for (const row of rows) expect(Math.abs(row.sentiment_score)).toBeLessThanOrEqual(1);
  });

  it('gives every channel its own kind of link and id', () => {
    const patterns: Record<string, RegExp> = {
      x: /^https:\/\/x\.com\/\w+\/status\/\d{19}$/,
      facebook: /^https:\/\/www\.facebook\.com\/[\w.]+\/posts\/\d+$/,
      instagram: /^https:\/\/www\.instagram\.com\/p\/[\w-]{11}\/$/,
      linkedin: /^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:activity:\d{19}\/$/,
      youtube: /^https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}&lc=Ugx[\w-]{16}AaABAg$/,
      mastodon: /^https:\/\/[\w.]+\/@\w+\/\d{18}$/,
      bluesky: /^https:\/\/bsky\.app\/profile\/[\w.]+\/post\/[2-7a-z]{13}$/,
      rss: /^https:\/\/www\.[\w.]+\/(nieuws|news)\/\d{4}\/\d\d\/[a-z0-9-]+$/,
      forum: /^https:\/\/praatmee\.dommelstad\.nl\/t\/\d+\/\d+$/,
    };
    for (const row of rows) expect(row.url).toMatch(patterns[row.channel]!);
  });

  it('leaves old mentions handled and today’s mentions mostly new', () => {
    const old = rows.filter((row) => row.created_at < UNTIL - 60 * 24 * HOUR_MS);
    const today = rows.filter((row) => row.created_at >= UNTIL - 24 * HOUR_MS);
    expect(old.filter((row) => row.status === 'resolved' || row.status === 'archived').length).toBe(old.length);
    expect(today.filter((row) => row.status === 'new').length / today.length).toBeGreaterThan(0.5);
    expect(rows.every((row) => row.priority >= 0 && row.priority <= 100)).toBe(true);
  });

  it('leaves the schema exactly as the migrations made it, with a complete full-text index', () => {
    expect(schemaOf(db)).toEqual(schemaOf(openMemoryWorkspace()));
    expect(() => db.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')`)).not.toThrow();
    expect(getMeta(db, 'demo_deferred_indexing')).toBeNull();
  });

  it('adds a second demo to a workspace that already has mentions, searchable right away', async () => {
    const workspace = await demo(3_000, 1);
    const added = await generateDemo(workspace, { mentions: 2_000, years: 1, seed: 2, until: UNTIL });
    expect(added.inserted).toBeGreaterThan(1_900);
    const count = (sql: string): number => (workspace.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM mentions')).toBe(3_000 + added.inserted);
    expect(() => workspace.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')`)).not.toThrow();
    expect(schemaOf(workspace)).toEqual(schemaOf(openMemoryWorkspace()));
  });

  it('gives the same rows for the same seed and other rows for another seed', async () => {
    const [first, second, other] = await Promise.all([demo(5_000, 7), demo(5_000, 7), demo(5_000, 8)]);
    expect(digest(first)).toBe(digest(second));
    expect(digest(other)).not.toBe(digest(first));
  });

  it('adds nothing when the same demo is generated again', async () => {
    const again = await generateDemo(db, { mentions: 40_000, years: 1, seed: 42, until: UNTIL });
    expect(again.inserted).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n).toBe(40_000);
  });

  it('stops between chunks when cancelled and keeps what it committed', async () => {
    const cancelled = openMemoryWorkspace();
    const progress: [number, number | null][] = [];
    let checkpoints = 0;
    const control = {
      progress: (done: number, total: number | null) => progress.push([done, total]),
      checkpoint: async () => {
        if (++checkpoints === 2) throw new Error('cancelled');
      },
    };
    await expect(
      generateDemo(cancelled, { mentions: 4 * DEMO_CHUNK_SIZE, years: 1, seed: 3, until: UNTIL }, control),
    ).rejects.toThrow('cancelled');
    expect((cancelled.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n).toBe(
      2 * DEMO_CHUNK_SIZE,
    );
    expect(progress.at(-1)).toEqual([2 * DEMO_CHUNK_SIZE, 4 * DEMO_CHUNK_SIZE]);
    expect(cancelled.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => cancelled.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')`)).not.toThrow();
    expect(schemaOf(cancelled)).toEqual(schemaOf(openMemoryWorkspace()));
    const searchable = cancelled.prepare(
      `SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'kroegstraat'`,
    );
    expect((searchable.get() as { n: number }).n).toBeGreaterThan(0);
    expect(getMeta(cancelled, 'last_ingest_at')).not.toBeNull();
  });

  it('refuses options that make no sense, with a message that says which', async () => {
    const empty = openMemoryWorkspace();
    await expect(generateDemo(empty, { mentions: 0, years: 1, seed: 1, until: UNTIL })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(generateDemo(empty, { mentions: 10, years: 0, seed: 1, until: UNTIL })).rejects.toThrow(/years/);
    await expect(generateDemo(empty, { mentions: 10, years: 1, seed: 1, until: Number.NaN })).rejects.toThrow(
      /end of the demo period/,
    );
  });
});
