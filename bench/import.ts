import { createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_TOPIC_QUERIES } from '../resources/demo';
import { demoMentions } from '../electron/engine/demo/mentions';
import { startEngineWorker } from '../electron/engine/client';
import type { JobInfo } from '../shared/api/events';
import { EventSink } from '../electron/engine/events';
import { createAnalyzer } from '../electron/engine/analysis/index';
import { prioritize } from '../electron/engine/enrich/priority';
import { formatById } from '../electron/engine/ingest/formats';
import { openCsv } from '../electron/engine/ingest/formats/csv-read';
import { decodeChunks } from '../electron/engine/ingest/formats/decode';
import { canonicalUrl } from '../electron/engine/mentions/url';
import { importFiles, type ImportSummary } from '../electron/engine/ingest/import-files';
import { IngestPipeline } from '../electron/engine/ingest/pipeline';
import type { NewMention } from '../electron/engine/mentions/write';
import { openWorkspace } from '../electron/engine/store/db';
import type { DemoOptions } from '../electron/engine/demo/generate';
import { bareInsertLoop, measure, round } from './demo';

/**
 * A CSV import at scale (issue 3; DESIGN §11: ≥ 30% of the bare insert rate with full enrichment, ≥ 50%
 * without; an inbox page p95 ≤ 100 ms while the import runs). The rows are the demo's (seed 3), written as a
 * spreadsheet export with the usual column names; the floor is the bare better-sqlite3 insert loop of the
 * same rows (bench/demo.ts), measured in the same run. BENCH_MENTIONS sets the size (default 1M).
 * - enriched: the real engine in its worker thread, as the app runs it (`ingest.importFiles` through the
 *   client): language and sentiment (the workspace analyzer), priority, tagging with the demo's saved
 *   topics, full text, rollups and trend terms. Meanwhile this thread asks for inbox pages (one at a time,
 *   200 ms apart) and times each round trip: that is what an operator waits for.
 * - bare: the same import path and store (full text, rollups, dedupe) in this thread with an analyzer that
 *   answers at once and no topics (the parse still runs in the import's worker thread).
 * Every import goes into an empty workspace. Wall and CPU seconds (all threads of the process) are both
 * given: other work on the machine stretches wall time.
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
    const stages = await stageCpuSeconds(csv);

    const floor = bareInsertLoop(path.join(dir, 'floor.db'), demoMentions(options, 1).mentions);
    const floorRate = rows / floor.insertSeconds;

    const loadBeforeEnriched = loadavg()[0]!;
    const enriched = await importThroughEngine(path.join(dir, 'enriched'), csv);

    const db = openWorkspace(path.join(dir, 'bare'));
    const bare = await (async () => {
      try {
        const fixed = { lang: 'nl' as const, sentiment: { label: 'neutral' as const, score: 0 } };
        const pipeline = new IngestPipeline(
          db,
          new EventSink(),
          () => fixed,
          () => ({ fixed }),
        );
        // The writing thread's own CPU (this one; the parse runs in the import's worker): until the last
        // write, then building the deferred indexes, full text and rollups.
        const threadBefore = thisThreadCpuSeconds();
        let threadAtLastWrite: number | null = null;
        const run = await measure(() =>
          importFiles(
            db,
            pipeline,
            { files: [csv], timeZone: 'UTC' },
            {
              ...control,
              progress: (done, total) => {
                if (total !== null && done >= total && threadAtLastWrite === null)
                  threadAtLastWrite = thisThreadCpuSeconds();
              },
            },
          ),
        );
        const threadAfter = thisThreadCpuSeconds();
        const lastWrite = threadAtLastWrite ?? threadAfter;
        return {
          ...run,
          writerThreadCpuSeconds: {
            writes: round(lastWrite - threadBefore),
            finish: round(threadAfter - lastWrite),
          },
        };
      } finally {
        db.close();
      }
    })();

    const report = (run: { value: ImportSummary; seconds: number; cpuSeconds: number }, target: number) => {
      const rate = run.value.imported / run.seconds;
      return {
        imported: run.value.imported,
        duplicates: run.value.duplicates,
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
      // One thread, one stage after the other (see stageCpuSeconds): what each step of the worker costs.
      workerStagesCpuSeconds: stages,
      enriched: {
        ...report(enriched, 0.3),
        // Until the job's last write; the rest is building the deferred indexes, full text, tags and rollups.
        writesSeconds: round(enriched.writesSeconds),
        inboxPageDuringImportMs: { ...enriched.inbox, budgetP95: 100 },
        inboxPageWhileWritingMs: enriched.inboxWhileWriting,
        // Per thread (Linux): the engine's thread writes, the import's worker parses and enriches.
        threadsCpuSeconds: enriched.threads,
      },
      bare: { ...report(bare, 0.5), writerThreadCpuSeconds: bare.writerThreadCpuSeconds },
      loadAverage: {
        before: round(loadBefore),
        beforeEnriched: round(loadBeforeEnriched),
        after: round(loadavg()[0]!),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ENGINE_WORKER = fileURLToPath(new URL('../electron/engine/worker.ts', import.meta.url));

/**
 * An operator scrolling asks for a few pages a second; asking back to back (every 20 ms) would make the pages
 * themselves take most of the engine's thread and measure the benchmark rather than the import.
 */
const INBOX_PAGE_EVERY_MS = 200;

/** Inbox lists an operator uses while an import runs: newest, by priority, the working statuses, a filter. */
const INBOX_PAGES = [
  { sort: 'newest', limit: 100, offset: 0, filter: {}, operator: 'bench' },
  { sort: 'priority', limit: 100, offset: 0, filter: {}, operator: 'bench' },
  { sort: 'newest', limit: 100, offset: 0, filter: { status: ['new', 'open', 'waiting'] }, operator: 'bench' },
  { sort: 'priority', limit: 100, offset: 0, filter: { sentiment: ['negative'] }, operator: 'bench' },
];

/** The enriched import through the engine worker, with inbox pages timed from this thread while it runs. */
export async function importThroughEngine(dataDir: string, csv: string, options: { inboxPages?: boolean } = {}) {
  const client = await startEngineWorker({ dataDir, workerFile: ENGINE_WORKER });
  try {
    for (const [index, topic] of DEMO_TOPIC_QUERIES.entries()) {
      const colour = `#${((0x2f6fde + index * 0x203010) & 0xffffff).toString(16).padStart(6, '0')}`;
      const saved = await client.call('topics.save', { name: topic.name, query: topic.query, colour });
      if (!saved.ok) throw new Error(`topic ${topic.name}: ${saved.error.message}`);
    }
    // Let the engine settle (topic tagging of nothing, the trend indexer's first look) before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const threadsBefore = threadCpuSeconds();
    const cpu = process.cpuUsage();
    const started = performance.now();
    let writesDoneAt: number | null = null;
    let jobId: string | null = null;
    let finished: JobInfo | null = null;
    const unsubscribe = client.subscribe((event) => {
      if (event.name !== 'job.progress' && event.name !== 'job.finished') return;
      const job = event.payload as JobInfo;
      if (job.id !== jobId) return;
      if (event.name === 'job.finished') finished = job;
      else if (job.total !== null && job.done >= job.total && writesDoneAt === null) writesDoneAt = performance.now();
    });
    const startedJob = await client.call('ingest.importFiles', { files: [csv], timeZone: 'UTC' });
    if (!startedJob.ok) throw new Error(`import: ${startedJob.error.message}`);
    jobId = (startedJob.value as JobInfo).id;
    const times: number[] = [];
    const whileWriting: number[] = [];
    // Read every turn: the import's worker thread is gone by the end, with its last reading kept here.
    const threadsSeen = new Map<string, number>();
    for (let i = 0; finished === null; i++) {
      for (const [tid, seconds] of threadCpuSeconds()) threadsSeen.set(tid, seconds);
      if (options.inboxPages === false) {
        await new Promise((resolve) => setTimeout(resolve, INBOX_PAGE_EVERY_MS));
        continue;
      }
      const t = performance.now();
      const page = await client.call('mentions.list', INBOX_PAGES[i % INBOX_PAGES.length]);
      const ms = performance.now() - t;
      if (!page.ok) throw new Error(`inbox page: ${page.error.message}`);
      times.push(ms);
      if (writesDoneAt === null) whileWriting.push(ms);
      await new Promise((resolve) => setTimeout(resolve, INBOX_PAGE_EVERY_MS));
    }
    unsubscribe();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    for (const [tid, seconds] of threadCpuSeconds()) threadsSeen.set(tid, seconds);
    const threads = busiestThreads(threadsBefore, threadsSeen);
    const job = finished as JobInfo;
    if (job.state !== 'done') throw new Error(`import ${job.state}: ${job.message ?? ''}`);
    return {
      value: job.result as unknown as ImportSummary,
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      writesSeconds: ((writesDoneAt ?? performance.now()) - started) / 1000,
      inbox: summarise(times),
      inboxWhileWriting: summarise(whileWriting),
      threads,
    };
  } finally {
    await client.close();
  }
}

/**
 * CPU seconds of the import worker's stages over the whole file, in this thread: reading, decoding, splitting
 * into records (csv-parse), mapping records to mentions (times, counts, raw
 * JSON), the canonical URL, the analyzer (language and sentiment, without a workspace lexicon) and the
 * priority. The first three come from passes that stop after them; the rest from one full pass, timed per
 * batch. GC is counted where it falls.
 */
async function stageCpuSeconds(csv: string): Promise<Record<string, number>> {
  const cpu = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1e6;
  };
  const open = () => createReadStream(csv, { highWaterMark: 256 * 1024 });
  let t = cpu();
  for await (const chunk of open()) if ((chunk as Buffer).length < 0) break;
  const read = cpu() - t;
  t = cpu();
  for await (const text of decodeChunks(open() as AsyncIterable<Buffer>, 'utf-8')) if (text.length < 0) break;
  const decode = cpu() - t - read;
  t = cpu();
  const opened = await openCsv(open() as AsyncIterable<Buffer>, { fileName: 'export.csv' });
  for await (const rows of opened.rows) if (rows.length < 0) break;
  const split = cpu() - t - read - decode;
  const analyzer = createAnalyzer();
  const spent = { url: 0, analyzer: 0, priority: 0 };
  t = cpu();
  const options = { fileName: 'export.csv', timeZone: 'UTC', batchSize: 2000 };
  for await (const batch of formatById('csv').parse(open(), options)) {
    let at = cpu();
    for (const mention of batch.mentions) canonicalUrl(mention.url);
    spent.url += cpu() - at;
    at = cpu();
    const analyses = batch.mentions.map((mention) => analyzer.analyze(mention.text));
    spent.analyzer += cpu() - at;
    at = cpu();
    batch.mentions.forEach((mention, i) => {
      const { lang, sentiment } = analyses[i]!;
      prioritize({
        text: mention.text,
        lang,
        sentiment: sentiment.label,
        sentimentScore: sentiment.score,
        reach: mention.reach,
      });
    });
    spent.priority += cpu() - at;
  }
  const full = cpu() - t;
  const mapping = full - spent.url - spent.analyzer - spent.priority - read - decode - split;
  return {
    read: round(read),
    decode: round(decode),
    splitRecords: round(split),
    mapping: round(mapping),
    canonicalUrl: round(spent.url),
    analyzer: round(spent.analyzer),
    priority: round(spent.priority),
  };
}

/** CPU seconds of the calling thread so far (Linux: /proc/thread-self; 0 elsewhere). */
function thisThreadCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of each thread of this process so far (Linux: /proc/self/task; empty elsewhere). The threads
 * are unnamed; the engine's thread and the import's worker are the two busiest during the import.
 */
function threadCpuSeconds(): Map<string, number> {
  const seconds = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime (fields 14 and 15 of the line), in clock ticks of 1/100 s.
      seconds.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    }
  } catch {
    // not Linux
  }
  return seconds;
}

/** The threads that used at least a second of CPU between two readings, busiest first. */
function busiestThreads(before: Map<string, number>, after: Map<string, number>) {
  return [...after]
    .map(([tid, seconds]) => ({ tid: Number(tid), cpuSeconds: round(seconds - (before.get(tid) ?? 0)) }))
    .filter((thread) => thread.cpuSeconds >= 1)
    .sort((a, b) => b.cpuSeconds - a.cpuSeconds);
}

function summarise(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { samples: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? 0) };
}

/** The rows as a spreadsheet export would have them: one line per mention, quoted where needed. */
export async function writeCsv(file: string, mentions: Iterable<NewMention>): Promise<void> {
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
