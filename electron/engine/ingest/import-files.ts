import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { WatchpostError } from '../../../shared/api/result';
import { deferIndexing, finishDeferredIndexing } from '../demo/bulk';
import { ChunkPacer } from '../jobs/chunk-pacer';
import type { JobControl } from '../jobs/runner';
import { ensureSource, withBulkWal } from '../mentions/write';
import type { Db } from '../store/db';
import { oweTags, tagOwedInChunks, tagOwedMentions } from './deferred-steps';
import { enrichInWorker, enrichWorkerEntry, type EnrichedBatch } from './enrich-source';
import { detectFormat, formatById, readArchiveAccountBeside } from './formats';
import { FORMAT_IDS, type FieldMapping, type FormatId, type ParseOptions, type Reject } from './formats/types';
import type { Channel } from '../../../shared/domain/mention';
import type { IngestOrigin, IngestPipeline } from './pipeline';
import { readCounting } from './read-file';

export interface ImportRequest {
  files: string[];
  format?: FormatId;
  mapping?: FieldMapping;
  channel?: Channel;
  accountHandle?: string;
  timeZone?: string;
}

export interface FileSummary {
  file: string;
  format: FormatId | null;
  imported: number;
  duplicates: number;
  rejected: number;
  /** Why the file could not be read at all; null when it was read (rejects or not). */
  error: string | null;
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  rejected: number;
  files: FileSummary[];
  /** The first rejects, with the reason; all of them are kept in rejected_records. */
  rejects: (Reject & { file: string })[];
}

const SHOWN_REJECTS = 100;
const SNIFF_BYTES = 64 * 1024;

/** What an import needs of the pipeline (the wizard passes a wrapper that renames the file). */
export type ImportPipeline = Pick<IngestPipeline, 'commit' | 'enrich' | 'enrichment' | 'runAfterStore' | 'announce'>;

export interface ImportOptions {
  /**
   * Parse and enrich in a second thread (enrich-worker.ts) while this one writes. Default: for files of
   * WORKER_MIN_BYTES and more, when the pipeline can describe its enrichment and the worker's code is there.
   * `true` insists (and fails when it cannot).
   */
  worker?: boolean;
  /**
   * Build the full text, topic tags, rollups and most indexes once at the end instead of row by row
   * (demo/bulk.ts; the unique keys and the inbox's orders stay: KEPT_INDEXES). Only ever into a workspace
   * without mentions. Default: when the files hold DEFER_MIN_BYTES or more. Until the end, search and trends do not see the new mentions.
   */
  deferIndexing?: boolean;
}

/** Smaller files are parsed faster than a worker starts. */
const WORKER_MIN_BYTES = 1_000_000;
/**
 * About 80,000 rows of a typical export. Below it the per-row upkeep costs little, and rebuilding the full
 * text at the end (one transaction) would hold the engine's thread for a noticeable time.
 */
const DEFER_MIN_BYTES = 20_000_000;
/**
 * The indexes a deferred import keeps while it writes: the canonical-URL key (the insert refuses a repeated
 * post as it goes; the table's own (channel, external id) key stays anyway) and the inbox's two orders (its
 * pages read along them while the import runs; a filter without its own index then walks one of them). Every
 * other index on mentions is built once at the end: keeping all seventeen cost twice the write time of these
 * three (100k-row CSV on the 2-core machine: 7–10 s of CPU for the inserts and commits instead of 4.3 s).
 */
const KEPT_INDEXES = ['mentions_url_key', 'mentions_created', 'mentions_priority'];
/**
 * Each write transaction holds the engine's thread about this long; an inbox call waits at most one of them
 * (DESIGN §2: an inbox page within 100 ms while an import runs).
 */
const TRANSACTION_MS = 30;
/**
 * Every transaction has a fixed cost (the commit writes each touched index page, topic tagging asks the full
 * text once per topic): below this many rows it would outweigh the rows themselves, whatever the time target.
 */
const MIN_ROWS = 200;
/** The doors hear of new mentions at most this often during an import (each event makes them re-read counts). */
const ANNOUNCE_EVERY_MS = 1000;
/** Records per parsed batch: in a worker, larger batches cost fewer messages; here, smaller ones block less. */
const WORKER_BATCH = 2000;
const INLINE_BATCH = 250;

/**
 * Imports files: parse → normalize → enrich (in a worker thread for big files) → dedupe → store. The writes
 * are short transactions (TRANSACTION_MS, sized by how long the last took) with a checkpoint between them,
 * so the inbox answers while an import runs, the import can be cancelled (what was committed stays) and a
 * crash leaves a sound store: running the same files again adds exactly what is missing (the unique keys).
 * A big import into an empty workspace builds its full text, tags and rollups at the end (ImportOptions.deferIndexing).
 */
export async function importFiles(
  db: Db,
  pipeline: ImportPipeline,
  request: ImportRequest,
  control: Pick<JobControl, 'progress' | 'checkpoint'>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, duplicates: 0, rejected: 0, files: [], rejects: [] };
  const sizes = request.files.map((file) => sizeOf(file));
  const totalBytes = sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0);
  let bytesBefore = 0;
  // Deferred indexes back, full text filled in chunks, owed tags made ahead in chunks (a turn for waiting
  // calls between them; not the job's checkpoint: after a cancel the finish must still run to the end).
  const finishIndexing = () =>
    finishDeferredIndexing(db, () => tagOwedMentions(db, pipeline), {
      fullTextInChunks: true,
      afterFullText: () => tagOwedInChunks(db, pipeline, () => new Promise<void>((resolve) => setImmediate(resolve))),
    });
  // An import or demo killed while its indexes were deferred: put them back (and tag its mentions) first.
  await finishIndexing();
  const sourceId = ensureSource(db, 'file', 'File imports');
  const deferred =
    (options.deferIndexing ?? totalBytes >= DEFER_MIN_BYTES) && deferIndexing(db, { keepIndexes: KEPT_INDEXES });
  // Topic tags search the full text: they are made once it is rebuilt (crash-safe, see deferred-steps.ts).
  if (deferred) oweTags(db);
  const pacer = new ChunkPacer(200, TRANSACTION_MS, MIN_ROWS, 20_000);
  const unannounced = { count: 0, newestAt: 0, since: performance.now() };
  const announce = () => {
    pipeline.announce(unannounced.count, unannounced.newestAt);
    unannounced.count = 0;
    unannounced.newestAt = 0;
    unannounced.since = performance.now();
  };
  try {
    await withBulkWal(db, async () => {
      for (const [index, file] of request.files.entries()) {
        const absolute = path.resolve(file);
        const fileSummary: FileSummary = {
          file: absolute,
          format: null,
          imported: 0,
          duplicates: 0,
          rejected: 0,
          error: null,
        };
        summary.files.push(fileSummary);
        try {
          if (sizes[index] === null)
            throw new WatchpostError('invalid_input', `${absolute} does not exist or cannot be read`);
          const format = request.format ?? (await sniff(absolute));
          fileSummary.format = format;
          // An X archive names its owner only in the account.js beside tweets.js.
          const account =
            format === 'x-archive' && !request.accountHandle ? await readArchiveAccountBeside(absolute) : null;
          const parse: ParseOptions = {
            fileName: path.basename(absolute),
            mapping: request.mapping,
            channel: request.channel,
            accountHandle: request.accountHandle ?? account?.handle,
            accountName: account?.displayName ?? undefined,
            // Times written without an offset are the operator's local times.
            timeZone: request.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
          };
          const origin: IngestOrigin = { sourceId, file: absolute };
          const inWorker = options.worker ?? (sizes[index] ?? 0) >= WORKER_MIN_BYTES;
          const batches = enrichedBatches(pipeline, origin, format, parse, inWorker, options.worker === true);
          for await (const batch of batches) {
            let at = 0;
            let rejects: readonly Reject[] = batch.rejects;
            // One batch may take several transactions: each about TRANSACTION_MS, a turn for waiting calls between.
            while (at < batch.mentions.length || rejects.length > 0) {
              const slice = batch.mentions.slice(at, at + pacer.size);
              const started = performance.now();
              const counts = pipeline.commit(origin, slice, rejects, { afterStore: !deferred });
              pacer.took(performance.now() - started);
              at += slice.length;
              rejects = [];
              fileSummary.imported += counts.imported;
              fileSummary.duplicates += counts.duplicates;
              fileSummary.rejected += counts.rejected;
              unannounced.count += counts.imported;
              unannounced.newestAt = Math.max(unannounced.newestAt, counts.newestAt);
              if (performance.now() - unannounced.since >= ANNOUNCE_EVERY_MS) announce();
              control.progress(bytesBefore + batch.bytesRead, totalBytes);
              await control.checkpoint();
            }
            for (const reject of batch.rejects) {
              if (summary.rejects.length < SHOWN_REJECTS) summary.rejects.push({ ...reject, file: absolute });
            }
          }
        } catch (err) {
          if (!(err instanceof WatchpostError)) throw err;
          fileSummary.error = err.message;
        } finally {
          summary.imported += fileSummary.imported;
          summary.duplicates += fileSummary.duplicates;
          summary.rejected += fileSummary.rejected;
          bytesBefore += sizes[index] ?? 0;
        }
      }
    });
  } finally {
    // Also after a cancel or a failure: what was committed gets its indexes, full text, tags and rollups.
    // The unique keys stayed (deduping as the rows went in), so finishing removes no repeats.
    if (deferred) await finishIndexing();
    announce();
  }
  control.progress(totalBytes, totalBytes);
  return summary;
}

/**
 * The file's batches, enriched: in a worker thread (`worker`), else here in small batches (a small file, a
 * pipeline whose analyzer cannot travel, or a build without the worker's code).
 */
function enrichedBatches(
  pipeline: ImportPipeline,
  origin: IngestOrigin,
  format: FormatId,
  parse: ParseOptions,
  worker: boolean,
  insist: boolean,
): AsyncIterable<EnrichedBatch> {
  const enrichment = worker ? pipeline.enrichment() : null;
  const entry = enrichment ? enrichWorkerEntry() : null;
  if (insist && !(enrichment && entry)) {
    throw new Error(
      enrichment
        ? "the import's worker thread code (enrich-worker.ts or ingest-worker.js) was not found"
        : 'this pipeline cannot describe its enrichment to a worker thread',
    );
  }
  if (enrichment && entry) {
    return enrichInWorker(entry, {
      file: origin.file!,
      format,
      parse: { ...parse, batchSize: WORKER_BATCH },
      sourceId: origin.sourceId,
      enrichment,
    });
  }
  return enrichHere(pipeline, origin, format, { ...parse, batchSize: INLINE_BATCH });
}

async function* enrichHere(
  pipeline: ImportPipeline,
  origin: IngestOrigin,
  format: FormatId,
  parse: ParseOptions,
): AsyncGenerator<EnrichedBatch> {
  let bytesRead = 0;
  const input = readCounting(origin.file!, (bytes) => {
    bytesRead += bytes;
  });
  for await (const batch of formatById(format).parse(input, parse)) {
    yield {
      mentions: batch.mentions.map((parsed) => pipeline.enrich(origin, parsed)),
      rejects: batch.rejects,
      bytesRead,
    };
  }
}

async function sniff(file: string): Promise<FormatId> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of createReadStream(file, { start: 0, end: SNIFF_BYTES - 1 })) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
  }
  const detected = detectFormat(path.basename(file), Buffer.concat(chunks, length));
  if (detected) return detected.format;
  throw new WatchpostError(
    'invalid_input',
    `${file}: the format could not be recognised; name it with --format (${FORMAT_IDS.join(', ')})`,
  );
}

function sizeOf(file: string): number | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
