import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Engine } from '../electron/engine/engine';
import { generateDemo } from '../electron/engine/demo/generate';
import { openMemoryWorkspace } from '../electron/engine/store/db';
import { sampleMention, storeMentions } from '../electron/engine/testing/fixtures';
import { verifyRollups } from '../electron/engine/trends/rollups';
import type { MethodName } from '../shared/api/contract';

/**
 * Trend panels at scale (DESIGN §11: any panel over 5 years p95 ≤ 50 ms): every panel's engine call over
 * the period presets and odd custom ranges at 1M mentions over 5 years, through the dispatcher; the same
 * 5-year daily volume counted from the raw mentions for comparison; and what the rollup triggers cost
 * per insert.
 */
export async function benchTrends(): Promise<Record<string, unknown>> {
  const mentions = Number(process.env.BENCH_MENTIONS ?? 1_000_000);
  const until = Date.parse('2026-11-01T00:00:00Z');
  const dir = mkdtempSync(path.join(tmpdir(), 'watchpost-bench-trends-'));
  try {
    const engine = Engine.open({ dataDir: path.join(dir, 'workspace'), log: () => {} });
    const fillStarted = performance.now();
    await generateDemo(engine.db, { mentions, years: 5, seed: 2, until });
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const topics = (engine.db.prepare('SELECT id FROM topics').pluck().all() as number[]).slice(0, 3);
    const day = 86_400_000;
    const ranges: Record<string, [number, number]> = {
      today: [until - day, until],
      '7 days': [until - 7 * day, until],
      '30 days': [until - 30 * day, until],
      quarter: [until - 91 * day, until],
      year: [until - 365 * day, until],
      '5 years': [until - 5 * 365 * day, until],
      custom: [until - 1234 * day - 3_723_000, until - 17 * day - 1_234_567],
    };
    const filters = [{}, { channel: ['x', 'facebook'], lang: ['nl'] }, { topicId: topics }];
    const panels: Record<string, (from: string, to: string, filter: object) => [MethodName, unknown]> = {
      volumeByChannel: (from, to, filter) => [
        'trends.volume',
        { from, to, filter, stackBy: 'channel', compare: 'previous' },
      ],
      volumeByTopic: (from, to, filter) => ['trends.volume', { from, to, filter, stackBy: 'topic' }],
      sentiment: (from, to, filter) => ['trends.sentiment', { from, to, filter, compare: 'lastYear' }],
      shareOfVoice: (from, to, filter) => ['trends.shareOfVoice', { from, to, filter }],
      heatmap: (from, to, filter) => ['trends.heatmap', { from, to, filter }],
      responses: (from, to, filter) => ['trends.responses', { from, to, filter }],
      terms: (from, to, filter) => ['trends.terms', { from, to, filter }],
    };
    const perPanel: Record<string, unknown> = {};
    for (const [panel, make] of Object.entries(panels)) {
      const times: number[] = [];
      const byRange: Record<string, number> = {};
      for (const [name, [from, to]] of Object.entries(ranges)) {
        const rangeTimes: number[] = [];
        for (const filter of filters) {
          for (let round = 0; round < 5; round++) {
            const [method, input] = make(new Date(from).toISOString(), new Date(to).toISOString(), filter);
            const started = performance.now();
            const result = await engine.dispatch(method, input);
            rangeTimes.push(performance.now() - started);
            if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
          }
        }
        times.push(...rangeTimes);
        byRange[name] = summarise(rangeTimes).p95;
      }
      perPanel[panel] = { ...summarise(times), p95ByRange: byRange };
    }
    const rawStarted = performance.now();
    engine.db
      .prepare(
        `SELECT (created_at + 3600000) / 86400000 AS d, channel, count(*) FROM mentions WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2`,
      )
      .all(until - 5 * 365 * day, until);
    const rawFiveYearDailyMs = performance.now() - rawStarted;
    const rollupRows = Object.fromEntries(
      ['hour', 'day', 'week', 'month', 'hour_of_week'].map((t) => [
        t,
        (engine.db.prepare(`SELECT count(*) FROM rollup_${t}`).pluck().get() as number) ?? 0,
      ]),
    );
    const verifyStarted = performance.now();
    const verified = verifyRollups(engine.db).ok;
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    engine.close();
    return {
      mentions,
      years: 5,
      fillSeconds: round(fillSeconds),
      panels: perPanel,
      rawFiveYearDailyMs: round(rawFiveYearDailyMs),
      rollupRows,
      verify: { ok: verified, seconds: round(verifySeconds) },
      insertCost: insertCost(Number(process.env.BENCH_TRIGGER_ROWS ?? 50_000)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Mentions stored per second through the mention writer, with and without the rollup triggers. */
function insertCost(rows: number) {
  const batch = Array.from({ length: rows }, (_, i) => {
    const { sourceId, ...m } = sampleMention({
      externalId: `b${i}`,
      createdAt: Date.parse('2022-01-01T00:00:00Z') + i * 97_000,
      channel: i % 2 ? 'x' : 'facebook',
    });
    void sourceId;
    return m;
  });
  const rate = (dropTriggers: boolean) => {
    const db = openMemoryWorkspace();
    if (dropTriggers) {
      for (const name of db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup%'`)
        .pluck()
        .all() as string[]) {
        db.exec(`DROP TRIGGER ${name}`);
      }
    }
    const started = performance.now();
    storeMentions(db, batch);
    const seconds = (performance.now() - started) / 1000;
    db.close();
    return rows / seconds;
  };
  const withTriggers = rate(false);
  const without = rate(true);
  return {
    rows,
    perSecondWithRollups: Math.round(withTriggers),
    perSecondWithout: Math.round(without),
    slowdown: round(1 - withTriggers / without),
  };
}

function summarise(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { samples: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? 0) };
}

const round = (n: number) => Math.round(n * 100) / 100;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchTrends(), null, 2));
}
