import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WatchpostError } from '../../../shared/api/result';
import type { JobControl } from '../jobs/runner';
import { MentionWriter, type NewMention, ensureSource, setMeta, withBulkWal } from '../mentions/write';
import type { Db } from '../store/db';
import { deferIndexing, finishDeferredIndexing } from './bulk';
import { DAY_MS } from './calendar';
import { type FullTextSpec, demoBatchesHere, demoBatchesInWorker, demoWorkerEntry } from './batches';
import { type FurnishCounts, furnishDemo } from './furnish';

export interface DemoOptions {
  mentions: number;
  years: number;
  seed: number;
  /** Milliseconds since the epoch: the end of the period. Every generated time is counted back from it. */
  until: number;
}

/**
 * Where the mentions are made: in a second thread (batches.ts) while this one writes, or here. The default
 * uses the worker from WORKER_FROM mentions on (below that, starting it costs more than it saves) when its
 * code is found. The rows are the same either way.
 */
export type DemoThreads = 'auto' | 'worker' | 'here';

/** From this many mentions the demo is made in a worker thread (starting one takes 50–500 ms, tsx included). */
const WORKER_FROM = 50_000;

export interface DemoResult {
  inserted: number;
  newestAt: number | null;
  /** What the demo added besides mentions: profiles, topics and their tags, the team's recent work. */
  furnished: FurnishCounts | null;
  /**
   * Milliseconds spent furnishing and gathering planner statistics, and whether the full-text index the
   * worker built was used instead of a rebuild (for the benchmark and the tests).
   */
  took: { furnishMs: number; optimizeMs: number; prebuiltFullText: boolean };
}

/**
 * Mentions per transaction. At roughly 80–100 µs a mention on the 2-core machine, 1,000 keep each chunk near
 * 100 ms, so an inbox query waiting between chunks stays inside its budget (DESIGN §11); larger chunks were
 * not measurably faster (5,000 and 20,000 tried).
 */
export const DEMO_CHUNK_SIZE = 1_000;
/** Rows per index read for the planner's statistics (SQLite suggests 400–2000 for PRAGMA optimize). */
const ANALYSIS_LIMIT = 2_000;

/** The source every demo mention belongs to. */
export const DEMO_SOURCE = { kind: 'demo', name: 'Demo: Gemeente Dommelstad' } as const;

/**
 * Fills the workspace with a deterministic demo: the same seed, number, years and `until` give identical
 * rows. Writes in chunks of DEMO_CHUNK_SIZE, each in its own transaction; between chunks it reports progress
 * and lets the job runner cancel it (what was committed stays). Generating the same demo twice adds nothing.
 * Into an empty workspace, indexes and full text are built once at the end (see bulk.ts); until then the
 * new mentions are listed but not yet found by search. Then the workspace is furnished (furnish.ts: the
 * team's profiles, saved topics tagging the new mentions, the team's recent replies, notes and tags) — also
 * after a cancel, for what was committed — and the query planner gets statistics (PRAGMA optimize).
 * A large demo is made in a second thread while this one writes (batches.ts, `threads`); into an empty
 * workspace that thread also builds the full-text index, which then replaces FTS5's 'rebuild' at the end.
 */
export async function generateDemo(
  db: Db,
  options: DemoOptions,
  control?: Pick<JobControl, 'progress' | 'checkpoint'>,
  threads: DemoThreads = 'auto',
): Promise<DemoResult> {
  checkOptions(options);
  // A demo that was interrupted (crash, kill) may have left its indexes to be built; do that first.
  await finishDeferredIndexing(db);
  const sourceId = ensureSource(db, DEMO_SOURCE.kind, DEMO_SOURCE.name, {
    seed: options.seed,
    years: options.years,
    mentions: options.mentions,
    until: new Date(options.until).toISOString(),
  });
  const afterId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck().get() ?? 0;
  let furnished: FurnishCounts | null = null;
  const took = { furnishMs: 0, optimizeMs: 0, prebuiltFullText: false };
  const furnish = (bulk: boolean): void => {
    const started = performance.now();
    furnished = furnishDemo(db, {
      sourceId,
      afterId,
      bulk,
      seed: options.seed,
      periodStart: options.until - options.years * 365.25 * DAY_MS,
      until: options.until,
    });
    took.furnishMs = performance.now() - started;
  };
  const writer = new MentionWriter(db);
  const writeChunk = db.transaction((chunk: readonly NewMention[]) => writer.write(chunk).inserted);
  const total = options.mentions;
  const entry = threads === 'here' || (threads === 'auto' && total < WORKER_FROM) ? null : demoWorkerEntry();
  if (threads === 'worker' && !entry) throw new Error("the demo's worker thread code (batch-worker) was not found");
  const deferred = deferIndexing(db);
  // Into an empty workspace the worker also builds the full-text index, in a scratch file (bulk.ts copyFullText).
  const scratch = entry && deferred ? mkdtempSync(path.join(tmpdir(), 'watchpost-demo-')) : null;
  const fullText = scratch ? fullTextSpec(db, path.join(scratch, 'fulltext.db'), afterId + 1) : null;
  const batches = entry
    ? demoBatchesInWorker(entry, options, sourceId, DEMO_CHUNK_SIZE, fullText)
    : demoBatchesHere(options, sourceId, DEMO_CHUNK_SIZE);
  let inserted = 0;
  let done = 0;
  let newestAt: number | null = null;
  let complete = false;
  control?.progress(0, total);
  await withBulkWal(db, async () => {
    try {
      for await (const chunk of batches) {
        ({ inserted, newestAt } = commit(chunk, inserted, newestAt));
        done += chunk.length;
        control?.progress(done, total);
        if (chunk.length === DEMO_CHUNK_SIZE) await control?.checkpoint();
      }
      complete = true;
    } finally {
      // Also after a cancel or a failure: the workspace gets its indexes and full text back before the job
      // ends, and the chunks already committed are real, fresh data. Repeats the deferred unique index
      // would have refused are removed again (normally none).
      try {
        if (deferred) {
          // The worker's full-text index is whole only when every batch came (not after a cancel).
          const prebuiltFullText = complete && fullText ? { file: fullText.file, used: false } : undefined;
          inserted -= (await finishDeferredIndexing(db, () => furnish(true), { prebuiltFullText })) ?? 0;
          took.prebuiltFullText = prebuiltFullText?.used ?? false;
        } else db.transaction(() => furnish(false)).immediate();
        if (inserted > 0) setMeta(db, 'last_ingest_at', String(Date.now()));
      } finally {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      }
    }
  });
  // Statistics for the planner on the tables the demo filled, from a sample of each index (SQLite's
  // advice for PRAGMA optimize): at 1M mentions 0.3 s of CPU instead of 2.6 s for reading every row.
  const optimizing = performance.now();
  const limit = db.pragma('analysis_limit', { simple: true }) as number;
  db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
  try {
    db.pragma('optimize=0x10002');
  } finally {
    db.pragma(`analysis_limit = ${limit}`);
  }
  took.optimizeMs = performance.now() - optimizing;
  return { inserted, newestAt, furnished, took };

  function commit(
    mentions: NewMention[],
    insertedSoFar: number,
    newest: number | null,
  ): Pick<DemoResult, 'inserted' | 'newestAt'> {
    const added = writeChunk(mentions);
    const last = mentions[mentions.length - 1]!.createdAt;
    return { inserted: insertedSoFar + added, newestAt: added > 0 ? Math.max(newest ?? last, last) : newest };
  }
}

/** The workspace's own full-text table definition, for the worker to build the same index beside the rows. */
function fullTextSpec(db: Db, file: string, firstId: number): FullTextSpec | null {
  const sql = db
    .prepare<[], string>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'mentions_fts'`)
    .pluck()
    .get();
  return sql ? { file, sql, firstId } : null;
}

function checkOptions({ mentions, years, seed, until }: DemoOptions): void {
  if (!Number.isInteger(mentions) || mentions < 1) {
    throw new WatchpostError(
      'invalid_input',
      `the number of demo mentions must be a whole number of at least 1, not ${mentions}`,
    );
  }
  if (!(years > 0) || !Number.isFinite(years)) {
    throw new WatchpostError('invalid_input', `the demo period must be a positive number of years, not ${years}`);
  }
  if (!Number.isInteger(seed))
    throw new WatchpostError('invalid_input', `the demo seed must be a whole number, not ${seed}`);
  if (!Number.isFinite(until))
    throw new WatchpostError('invalid_input', `the end of the demo period is not a valid time (${until})`);
}
