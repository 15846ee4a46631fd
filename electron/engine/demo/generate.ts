import { WatchpostError } from '../../../shared/api/result';
import type { JobControl } from '../jobs/runner';
import { MentionWriter, type NewMention, ensureSource, setMeta, withBulkWal } from '../mentions/write';
import type { Db } from '../store/db';
import { deferIndexing, finishDeferredIndexing } from './bulk';
import { DAY_MS } from './calendar';
import { type FurnishCounts, furnishDemo } from './furnish';
import { demoMentions } from './mentions';

export interface DemoOptions {
  mentions: number;
  years: number;
  seed: number;
  /** Milliseconds since the epoch: the end of the period. Every generated time is counted back from it. */
  until: number;
}

export interface DemoResult {
  inserted: number;
  newestAt: number | null;
  /** What the demo added besides mentions: profiles, topics and their tags, the team's recent work. */
  furnished: FurnishCounts | null;
  /** Milliseconds spent furnishing and gathering planner statistics (for the benchmark). */
  took: { furnishMs: number; optimizeMs: number };
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
 */
export async function generateDemo(
  db: Db,
  options: DemoOptions,
  control?: Pick<JobControl, 'progress' | 'checkpoint'>,
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
  const took = { furnishMs: 0, optimizeMs: 0 };
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
  const stream = demoMentions(options, sourceId);
  let inserted = 0;
  let done = 0;
  let newestAt: number | null = null;
  const chunk: NewMention[] = [];
  const deferred = deferIndexing(db);
  control?.progress(0, stream.total);
  await withBulkWal(db, async () => {
    try {
      for (const mention of stream.mentions) {
        chunk.push(mention);
        if (chunk.length < DEMO_CHUNK_SIZE) continue;
        ({ inserted, newestAt } = commit(chunk, inserted, newestAt));
        done += DEMO_CHUNK_SIZE;
        control?.progress(done, stream.total);
        await control?.checkpoint();
      }
      if (chunk.length > 0) {
        done += chunk.length;
        ({ inserted, newestAt } = commit(chunk, inserted, newestAt));
        control?.progress(done, stream.total);
      }
    } finally {
      // Also after a cancel or a failure: the workspace gets its indexes and full text back before the job
      // ends, and the chunks already committed are real, fresh data. Repeats the deferred unique index
      // would have refused are removed again (normally none).
      if (deferred) inserted -= (await finishDeferredIndexing(db, () => furnish(true))) ?? 0;
      else db.transaction(() => furnish(false)).immediate();
      if (inserted > 0) setMeta(db, 'last_ingest_at', String(Date.now()));
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
    mentions.length = 0;
    return { inserted: insertedSoFar + added, newestAt: added > 0 ? Math.max(newest ?? last, last) : newest };
  }
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
