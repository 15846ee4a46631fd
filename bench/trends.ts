import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Engine } from '../electron/engine/engine';
import { generateDemo } from '../electron/engine/demo/generate';
import { openMemoryWorkspace } from '../electron/engine/store/db';
import { sampleMention, storeMentions } from '../electron/engine/testing/fixtures';
import { importBoundaryFile } from '../electron/engine/geo/import';
import { TrendIndexer } from '../electron/engine/trends/indexer';
import { verifyRollups } from '../electron/engine/trends/rollups';
import type { MethodName } from '../shared/api/contract';

/**
 * Trend panels at scale (DESIGN §11: any panel over 5 years p95 ≤ 50 ms): every panel's engine call over
 * the period presets and odd custom ranges at 1M mentions over 5 years, through the dispatcher; the same
 * 5-year daily volume counted from the raw mentions for comparison; and what the rollup triggers cost
 * per insert. Before the panels, the CBS 2015 municipality boundaries from ../shared/reference are imported
 * and the trend indexer works off the demo (terms counted, mentions placed): its time is the lag of the
 * term rollup and the map after a bulk fill.
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
    importBoundaryFile(engine.db, {
      file: path.resolve('../shared/reference/geo-nl/derived_gemeenten_2015.geojson'),
      source: 'CBS 2015',
      licence: 'CC BY 4.0',
      operator: 'bench',
    });
    const indexStarted = performance.now();
    const indexCpu = process.cpuUsage();
    const indexed = new TrendIndexer(engine.db).catchUp();
    const index = {
      mentions: indexed,
      seconds: round((performance.now() - indexStarted) / 1000),
      cpuSeconds: round(cpuSeconds(indexCpu)),
      placed: engine.db.prepare('SELECT count(*) FROM mentions WHERE place_code IS NOT NULL').pluck().get(),
      terms: engine.db.prepare('SELECT count(*) FROM trend_terms').pluck().get(),
    };
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
      mapBrabant: (from, to, filter) => ['trends.map', { from, to, filter, region: 'brabant', compare: 'previous' }],
      mapNl: (from, to, filter) => ['trends.map', { from, to, filter, region: 'nl' }],
      drillTerm: (from, to, filter) => ['trends.drill', { from, to, filter, term: 'verlichting', limit: 100 }],
      drillHashtag: (from, to, filter) => ['trends.drill', { from, to, filter, term: '#eindhoven', limit: 100 }],
      drillMunicipality: (from, to, filter) => ['trends.drill', { from, to, filter, municipality: 'GM0772' }],
    };
    const panelsCpu = process.cpuUsage();
    const perPanel: Record<string, unknown> = {};
    for (const [panel, make] of Object.entries(panels)) {
      const times: number[] = [];
      const cpuTimes: number[] = [];
      const byRange: Record<string, number> = {};
      for (const [name, [from, to]] of Object.entries(ranges)) {
        const rangeTimes: number[] = [];
        for (const filter of filters) {
          for (let round = 0; round < 5; round++) {
            const [method, input] = make(new Date(from).toISOString(), new Date(to).toISOString(), filter);
            const started = performance.now();
            const cpu = process.cpuUsage();
            const result = await engine.dispatch(method, input);
            rangeTimes.push(performance.now() - started);
            cpuTimes.push(cpuSeconds(cpu) * 1000);
            if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
          }
        }
        times.push(...rangeTimes);
        byRange[name] = summarise(rangeTimes).p95;
      }
      perPanel[panel] = { ...summarise(times), cpuP95: summarise(cpuTimes).p95, p95ByRange: byRange };
    }
    const panelCpuSeconds = cpuSeconds(panelsCpu);
    const rawStarted = performance.now();
    engine.db
      .prepare(
        `SELECT (created_at + 3600000) / 86400000 AS d, channel, count(*) FROM mentions WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2`,
      )
      .all(until - 5 * 365 * day, until);
    const rawFiveYearDailyMs = performance.now() - rawStarted;
    const rollupRows = Object.fromEntries(
      ['hour', 'day', 'week', 'month', 'hour_of_week', 'place_day', 'place_month'].map((t) => [
        t,
        (engine.db.prepare(`SELECT count(*) FROM rollup_${t}`).pluck().get() as number) ?? 0,
      ]),
    );
    for (const table of ['term_day', 'term_month'])
      rollupRows[table] = engine.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const verifyStarted = performance.now();
    const verified = verifyRollups(engine.db).ok;
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    await engine.close();
    return {
      mentions,
      years: 5,
      fillSeconds: round(fillSeconds),
      index,
      panels: perPanel,
      panelCpuSeconds: round(panelCpuSeconds),
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
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'rollup%' OR name LIKE 'place_rollup%' OR name LIKE 'terms_%')`,
        )
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

/** CPU seconds (user + system) of this process since `since`: the machine is shared, wall time alone misleads. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
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
