import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_CHUNK_SIZE, type DemoOptions, generateDemo } from '../electron/engine/demo/generate';
import { demoMentions } from '../electron/engine/demo/mentions';
import { canonicalUrl } from '../electron/engine/mentions/url';
import type { NewAuthor, NewMention } from '../electron/engine/mentions/write';
import { openWorkspace } from '../electron/engine/store/db';

/**
 * The demo generator at scale (DESIGN §11: 1M mentions in ≤ 60 s), next to its floor: a bare
 * better-sqlite3 insert loop of the same rows into a plain table (same columns, no indexes, no full text,
 * no author upsert) in transactions of the same size, measured in the same run. The demo goes into an empty
 * workspace, so it takes the deferred-indexing path (electron/engine/demo/bulk.ts). Wall time is what a user
 * waits; CPU time is reported too because other work on the machine inflates wall time.
 */
export async function benchDemo(): Promise<Record<string, unknown>> {
  const mentions = Number(process.env.BENCH_MENTIONS ?? 1_000_000);
  const options: DemoOptions = { mentions, years: 5, seed: 1, until: Date.parse('2026-11-01T00:00:00Z') };
  const dir = mkdtempSync(path.join(tmpdir(), 'watchpost-bench-demo-'));
  try {
    const loadBefore = loadavg()[0]!;
    const db = openWorkspace(path.join(dir, 'workspace'));
    // The last progress report comes when every row is written: after it the indexes, full text and rollups are built.
    let written: { at: number; cpu: NodeJS.CpuUsage } | null = null;
    const control = {
      progress: (done: number, total: number) => {
        if (done === total) written = { at: performance.now(), cpu: process.cpuUsage() };
      },
      checkpoint: () => Promise.resolve(),
    };
    const started = { at: performance.now(), cpu: process.cpuUsage() };
    const demo = await measure(() => generateDemo(db, options, control));
    const finish = written as { at: number; cpu: NodeJS.CpuUsage } | null;
    const stored = db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number };
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const dbBytes = statSync(path.join(dir, 'workspace', 'watchpost.db')).size;

    const generation = await measure(async () => {
      let count = 0;
      for (const mention of demoMentions(options, 1).mentions) count += mention.text.length > 0 ? 1 : 0;
      return count;
    });
    const floor = bareInsertLoop(path.join(dir, 'floor.db'), demoMentions(options, 1).mentions);

    const demoRate = mentions / demo.seconds;
    const floorRate = mentions / floor.insertSeconds;
    return {
      name: 'demo',
      mentions,
      stored: stored.n,
      seconds: round(demo.seconds),
      cpuSeconds: round(demo.cpuSeconds),
      // Writing the rows, then building what was deferred (indexes, full text, rollups): wall and CPU seconds.
      phases: finish && {
        write: { seconds: round((finish.at - started.at) / 1000), cpuSeconds: cpuSeconds(finish.cpu, started.cpu) },
        finish: {
          seconds: round(demo.seconds - (finish.at - started.at) / 1000),
          cpuSeconds: round(demo.cpuSeconds - cpuSeconds(finish.cpu, started.cpu)),
        },
      },
      // Inside the finish: the team's profiles, topics and their tags, replies, notes and audit (furnish.ts), then PRAGMA optimize.
      furnished: demo.value.furnished,
      furnishSeconds: round(demo.value.took.furnishMs / 1000),
      optimizeSeconds: round(demo.value.took.optimizeMs / 1000),
      mentionsPerSecond: Math.round(demoRate),
      // DESIGN §11: 1M mentions in 60 s; a smaller run (BENCH_MENTIONS) cannot say whether that is met.
      budget: { mentions: 1_000_000, seconds: 60, met: mentions >= 1_000_000 ? demo.seconds <= 60 : null },
      generationOnlySeconds: round(generation.seconds),
      writeSecondsWithoutGeneration: round(demo.seconds - generation.seconds),
      floorRowsPerSecond: Math.round(floorRate),
      floorInsertSeconds: round(floor.insertSeconds),
      floorInsertCpuSeconds: round(floor.insertCpuSeconds),
      // Rates per CPU second on both sides: what other work on the machine distorts least.
      cpuRatioToFloor: round(floor.insertCpuSeconds / demo.cpuSeconds),
      ratioToFloor: round(demoRate / floorRate),
      ratioToFloorWithoutGeneration: round(mentions / (demo.seconds - generation.seconds) / floorRate),
      chunkSize: DEMO_CHUNK_SIZE,
      dbMegabytes: round(dbBytes / 1e6),
      bytesPerMention: Math.round(dbBytes / mentions),
      // Other work on the machine stretches wall time; the 1-minute load average says how much there was.
      loadAverage: { before: round(loadBefore), after: round(loadavg()[0]!) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor the write path is compared with: the rows inserted as plainly as better-sqlite3 allows (a table
 * with the same columns and no index, no full text, no author upsert, the URL key handed over), in
 * transactions of DEMO_CHUNK_SIZE. Only the time inside the insert loop is counted.
 */
export function bareInsertLoop(
  file: string,
  rows: Iterable<NewMention>,
): { insertSeconds: number; insertCpuSeconds: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE mentions (id INTEGER PRIMARY KEY, source_id INTEGER, channel TEXT, external_id TEXT, url TEXT,
    url_key TEXT, author_id INTEGER, text TEXT, lang TEXT, created_at INTEGER, fetched_at INTEGER, parent_external_id TEXT,
    conversation_id TEXT, reach INTEGER, geo TEXT, sentiment_label TEXT, sentiment_score REAL, status TEXT, assignee TEXT,
    priority INTEGER, raw TEXT)`);
  const insert = db.prepare(`INSERT INTO mentions (source_id, channel, external_id, url, url_key, author_id, text, lang,
    created_at, fetched_at, parent_external_id, conversation_id, reach, geo, sentiment_label, sentiment_score, status,
    assignee, priority, raw)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Author ids without an authors table: the same number for the same author object, as cheap as it gets.
  const authorIds = new Map<NewAuthor, number>();
  const insertChunk = db.transaction((chunk: readonly NewMention[], urlKeys: readonly (string | null)[]) => {
    for (let i = 0; i < chunk.length; i++) {
      const m = chunk[i]!;
      let authorId: number | null = null;
      if (m.author) {
        authorId = authorIds.get(m.author) ?? authorIds.size + 1;
        authorIds.set(m.author, authorId);
      }
      insert.run(
        m.sourceId,
        m.channel,
        m.externalId,
        m.url,
        urlKeys[i],
        authorId,
        m.text,
        m.lang,
        m.createdAt,
        m.fetchedAt,
        m.parentExternalId,
        m.conversationId,
        m.reach,
        m.geo,
        m.sentiment?.label ?? null,
        m.sentiment?.score ?? null,
        m.status ?? 'new',
        m.assignee ?? null,
        m.priority,
        m.raw,
      );
    }
  });
  let insertMs = 0;
  let insertCpu = 0;
  const chunk: NewMention[] = [];
  const flush = (): void => {
    // The writer derives the canonical URL key itself; the floor gets it for free, outside the timed loop.
    const urlKeys = chunk.map((mention) => canonicalUrl(mention.url));
    const started = performance.now();
    const cpu = process.cpuUsage();
    insertChunk(chunk, urlKeys);
    const used = process.cpuUsage(cpu);
    insertMs += performance.now() - started;
    insertCpu += used.user + used.system;
    chunk.length = 0;
  };
  for (const mention of rows) {
    chunk.push(mention);
    if (chunk.length === DEMO_CHUNK_SIZE) flush();
  }
  if (chunk.length > 0) flush();
  db.close();
  return { insertSeconds: insertMs / 1000, insertCpuSeconds: insertCpu / 1e6 };
}

const cpuSeconds = (to: NodeJS.CpuUsage, from: NodeJS.CpuUsage): number =>
  round((to.user - from.user + to.system - from.system) / 1e6);

/** Wall and CPU (user + system) seconds of some work. */
export async function measure<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

export const round = (n: number): number => Math.round(n * 100) / 100;

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchDemo().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
