import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { DEMO_TOPIC_QUERIES } from '../resources/demo';
import { demoMentions } from '../electron/engine/demo/mentions';
import { Engine } from '../electron/engine/engine';
import { EventSink } from '../electron/engine/events';
import { formatById } from '../electron/engine/ingest/formats';
import { importFiles, type ImportSummary } from '../electron/engine/ingest/import-files';
import { IngestPipeline } from '../electron/engine/ingest/pipeline';
import type { NewMention } from '../electron/engine/mentions/write';
import { openWorkspace } from '../electron/engine/store/db';
import type { DemoOptions } from '../electron/engine/demo/generate';
import { bareInsertLoop, measure, round } from './demo';

/**
 * A CSV import at scale (issue 3; DESIGN §11: ≥ 30% of the bare insert rate with full enrichment, ≥ 50%
 * without). The rows are the demo's (seed 3), written as a spreadsheet export with the usual column names;
 * the floor is the bare better-sqlite3 insert loop of the same rows (bench/demo.ts), measured in the same run.
 * - enriched: the real engine — language and sentiment (the workspace analyzer), priority, tagging with the
 *   demo's saved topics, full text and rollups;
 * - bare: the same pipeline and store (full text, rollups, dedupe) with an analyzer that answers at once
 *   and no topics.
 * Every import goes into an empty workspace. Wall and CPU seconds are both given: other work on the
 * machine stretches wall time.
 */
export async function benchImport(): Promise<Record<string, unknown>> {
  const rows = Number(process.env.BENCH_MENTIONS ?? 1_000_000);
  const options: DemoOptions = { mentions: rows, years: 5, seed: 3, until: Date.parse('2026-11-01T00:00:00Z') };
  const dir = mkdtempSync(path.join(tmpdir(), 'watchpost-bench-import-'));
  try {
    const loadBefore = loadavg()[0]!;
    const csv = path.join(dir, 'export.csv');
    await writeCsv(csv, demoMentions(options, 1).mentions);
    const control = { progress: () => {}, checkpoint: () => new Promise<void>((resolve) => setImmediate(resolve)) };

    const parse = await measure(async () => {
      let parsed = 0;
      const input = createReadStream(csv, { highWaterMark: 256 * 1024 });
      for await (const batch of formatById('csv').parse(input, { fileName: 'export.csv', timeZone: 'UTC' })) {
        parsed += batch.mentions.length;
      }
      return parsed;
    });

    const floor = bareInsertLoop(path.join(dir, 'floor.db'), demoMentions(options, 1).mentions);
    const floorRate = rows / floor.insertSeconds;

    const engine = Engine.open({ dataDir: path.join(dir, 'enriched'), log: () => {} });
    const enriched = await (async () => {
      try {
        for (const [index, topic] of DEMO_TOPIC_QUERIES.entries()) {
          const colour = `#${((0x2f6fde + index * 0x203010) & 0xffffff).toString(16).padStart(6, '0')}`;
          const saved = await engine.dispatch('topics.save', { name: topic.name, query: topic.query, colour });
          if (!saved.ok) throw new Error(`topic ${topic.name}: ${saved.error.message}`);
        }
        await engine.jobs.idle();
        return await measure(() => importFiles(engine.db, engine.pipeline, { files: [csv], timeZone: 'UTC' }, control));
      } finally {
        await engine.close();
      }
    })();

    const db = openWorkspace(path.join(dir, 'bare'));
    const bare = await (async () => {
      try {
        const pipeline = new IngestPipeline(db, new EventSink(), () => ({
          lang: 'nl',
          sentiment: { label: 'neutral', score: 0 },
        }));
        return await measure(() => importFiles(db, pipeline, { files: [csv], timeZone: 'UTC' }, control));
      } finally {
        db.close();
      }
    })();

    const report = (run: { value: ImportSummary; seconds: number; cpuSeconds: number }, target: number) => {
      const rate = run.value.imported / run.seconds;
      return {
        imported: run.value.imported,
        rejected: run.value.rejected,
        seconds: round(run.seconds),
        cpuSeconds: round(run.cpuSeconds),
        mentionsPerSecond: Math.round(rate),
        ratioToFloor: round(rate / floorRate),
        // Rates per CPU second on both sides: what other work on the machine distorts least.
        cpuRatioToFloor: round(run.value.imported / run.cpuSeconds / (rows / floor.insertCpuSeconds)),
        target,
        met: rate / floorRate >= target,
      };
    };
    return {
      name: 'import',
      rows,
      csvMegabytes: round(statSync(csv).size / 1e6),
      floorRowsPerSecond: Math.round(floorRate),
      floorInsertSeconds: round(floor.insertSeconds),
      floorInsertCpuSeconds: round(floor.insertCpuSeconds),
      parseOnly: { seconds: round(parse.seconds), cpuSeconds: round(parse.cpuSeconds), rows: parse.value },
      enriched: report(enriched, 0.3),
      bare: report(bare, 0.5),
      loadAverage: { before: round(loadBefore), after: round(loadavg()[0]!) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows as a spreadsheet export would have them: one line per mention, quoted where needed. */
async function writeCsv(file: string, mentions: Iterable<NewMention>): Promise<void> {
  const out = createWriteStream(file);
  const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  let lines: string[] = ['id,created_at,author,author_name,text,channel,url,reach'];
  const flush = async () => {
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
    lines = [];
  };
  for (const m of mentions) {
    lines.push(
      [
        quote(m.externalId),
        new Date(m.createdAt).toISOString(),
        quote(m.author?.handle ?? ''),
        quote(m.author?.displayName ?? ''),
        quote(m.text),
        m.channel,
        quote(m.url ?? ''),
        String(m.reach),
      ].join(','),
    );
    if (lines.length >= 10_000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchImport().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
