import { describe, expect, it } from 'vitest';
import type { Granularity } from '../../../shared/api/trends';
import { bucketOf, localHourOfWeek } from '../../../shared/trends/time';
import { openMemoryWorkspace, type Db } from '../store/db';
import { fill, mixedChanges } from './trends.testkit';
import { heatmapPanel, sentimentPanel, shareOfVoicePanel, volumePanel, responsesPanel } from './panels';
import { rebuildRollups, verifyRollups } from './rollups';
import { TrendRange, VolumeInput, ResponsesInput } from '../../../shared/api/trends';

interface RawRow {
  id: number;
  created_at: number;
  channel: string;
  lang: string | null;
  sentiment: string | null;
  first_response_at: number | null;
  topics: string | null;
}

function raw(db: Db): RawRow[] {
  return db
    .prepare(
      `SELECT m.id, m.created_at, m.channel, m.lang, m.sentiment, m.first_response_at,
        (SELECT group_concat(topic_id) FROM mention_topics WHERE mention_id = m.id) AS topics FROM mentions m`,
    )
    .all() as RawRow[];
}

const topicsOf = (r: RawRow) => (r.topics ? r.topics.split(',').map(Number) : []);

describe('trend rollups', () => {
  it('match the raw mentions after imports, corrections, re-tagging, replies and deletions', () => {
    const db = openMemoryWorkspace();
    fill(db, 3000, 1);
    mixedChanges(db, 3000);
    const result = verifyRollups(db);
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checkedRows).toBeGreaterThan(1000);
  });

  it('report a difference when a rollup is wrong, and a rebuild repairs it', () => {
    const db = openMemoryWorkspace();
    fill(db, 200, 2);
    db.prepare('UPDATE rollup_day SET n = n + 1 WHERE bucket = (SELECT min(bucket) FROM rollup_day)').run();
    const broken = verifyRollups(db);
    expect(broken.ok).toBe(false);
    expect(broken.differences[0]).toMatchObject({ table: 'rollup_day', column: 'n' });
    rebuildRollups(db);
    expect(verifyRollups(db).ok).toBe(true);
  });
});

describe('trend panels', () => {
  const db = openMemoryWorkspace();
  fill(db, 4000, 3);
  mixedChanges(db, 4000);
  const rows = raw(db);
  const ranges: [string, string, Granularity | undefined][] = [
    ['2024-01-01T00:00:00Z', '2026-01-01T00:00:00Z', undefined],
    ['2024-03-05T13:17:00Z', '2025-11-02T08:05:00Z', 'week'],
    ['2024-10-20T10:30:00Z', '2024-11-03T00:00:00Z', 'hour'],
    ['2025-03-01T00:00:00+01:00', '2025-04-01T00:00:00+02:00', 'day'],
    ['2024-02-10T00:00:00Z', '2025-07-19T17:45:12Z', 'month'],
  ];

  it.each(ranges)('volume by channel from %s to %s equals a count of the raw mentions', (from, to, granularity) => {
    const filter = { topicId: [2, 3], channel: [], lang: ['nl', 'en'] as ('nl' | 'en')[] };
    const panel = volumePanel(db, VolumeInput.parse({ from, to, granularity, stackBy: 'channel', filter }));
    const f = Date.parse(from);
    const t = Date.parse(to);
    const first = bucketOf(panel.granularity, f);
    const expected = new Map<string, number[]>();
    for (const r of rows) {
      if (r.created_at < f || r.created_at >= t) continue;
      if (!r.lang || !filter.lang.includes(r.lang as 'nl')) continue;
      if (!topicsOf(r).some((id) => filter.topicId.includes(id))) continue;
      const values = expected.get(r.channel) ?? new Array<number>(panel.buckets.length).fill(0);
      values[bucketOf(panel.granularity, r.created_at) - first]! += 1;
      expected.set(r.channel, values);
    }
    expect(Object.fromEntries(panel.series.map((s) => [s.key, s.values]))).toEqual(
      Object.fromEntries([...expected].sort()),
    );
    // Click-through: each point's inbox filter selects exactly the mentions counted there (agreed semantics, in SQL).
    const series = panel.series[0]!;
    const i = series.values.findIndex((v) => v > 0);
    const bucket = panel.buckets[i]!;
    const count = db
      .prepare(
        `SELECT count(*) AS c FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND m.channel IN (SELECT value FROM json_each(?))
         AND m.lang IN (SELECT value FROM json_each(?)) AND EXISTS (SELECT 1 FROM mention_topics t WHERE t.mention_id = m.id AND t.topic_id IN (SELECT value FROM json_each(?)))`,
      )
      .get(
        Date.parse(bucket.start),
        Date.parse(bucket.end),
        JSON.stringify(series.inbox.channel),
        JSON.stringify(series.inbox.lang),
        JSON.stringify(series.inbox.topicId),
      ) as { c: number };
    expect(count.c).toBe(series.values[i]);
  });

  it('net sentiment and the mix equal the raw mentions', () => {
    const from = '2024-06-01T00:00:00Z';
    const to = '2025-06-01T00:00:00Z';
    const panel = sentimentPanel(
      db,
      TrendRange.parse({ from, to, granularity: 'month', compare: 'previous' }) as never,
    );
    const inRange = rows.filter((r) => r.created_at >= Date.parse(from) && r.created_at < Date.parse(to));
    expect(panel.mix).toEqual({
      positive: inRange.filter((r) => r.sentiment === 'positive').length,
      neutral: inRange.filter((r) => r.sentiment === 'neutral').length,
      negative: inRange.filter((r) => r.sentiment === 'negative').length,
      unscored: inRange.filter((r) => r.sentiment === null).length,
    });
    const first = bucketOf('month', Date.parse(from));
    const b = 3;
    const inBucket = inRange.filter((r) => bucketOf('month', r.created_at) - first === b);
    const pos = inBucket.filter((r) => r.sentiment === 'positive').length;
    const neg = inBucket.filter((r) => r.sentiment === 'negative').length;
    expect(panel.net[b]).toBeCloseTo((pos - neg) / inBucket.length, 10);
    expect(panel.compare?.total.reduce((a, c) => a + c, 0)).toBe(
      rows.filter((r) => r.created_at >= Date.parse('2023-06-01T00:00:00Z') && r.created_at < Date.parse(from)).length,
    );
  });

  it('share of voice counts each topic, and shares add up to one', () => {
    const panel = shareOfVoicePanel(
      db,
      TrendRange.parse({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }) as never,
    );
    for (const topic of panel.topics) {
      expect(topic.total).toBe(rows.filter((r) => topicsOf(r).includes(topic.topicId)).length);
    }
    expect(panel.topics.map((t) => t.topicId).sort()).toEqual([2, 3]);
    expect(panel.topics.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1, 10);
  });

  it('the hour-of-week heatmap equals local hours of the raw mentions', () => {
    const from = '2024-03-10T05:00:00Z';
    const to = '2025-10-27T03:30:00Z';
    const panel = heatmapPanel(db, TrendRange.parse({ from, to, filter: { channel: ['x'] } }) as never);
    const cells = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    for (const r of rows) {
      if (r.channel !== 'x' || r.created_at < Date.parse(from) || r.created_at >= Date.parse(to)) continue;
      const { dow, hour } = localHourOfWeek(r.created_at);
      cells[dow]![hour]! += 1;
    }
    expect(panel.cells).toEqual(cells);
  });

  it('response KPIs equal the raw first-response times', () => {
    const panel = responsesPanel(
      db,
      ResponsesInput.parse({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', targetMinutes: 20 }),
    );
    const minutes = rows
      .filter((r) => r.first_response_at !== null)
      .map((r) => (r.first_response_at! - r.created_at) / 60000)
      .sort((a, b) => a - b);
    expect(panel.kpis.replied).toBe(minutes.length);
    expect(panel.kpis.withinTarget).toBeCloseTo(minutes.filter((m) => m <= 20).length / minutes.length, 10);
    expect(panel.replied.reduce((a, b) => a + b, 0)).toBe(minutes.length);
  });
});
