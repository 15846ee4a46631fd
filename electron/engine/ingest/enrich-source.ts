import { WatchpostError, type ErrorCode } from '../../../shared/api/result';
import { workerEntry, workerMessages, type WorkerEntry } from '../jobs/worker-stream';
import type { NewMention } from '../mentions/write';
import type { FormatId, ParseOptions, Reject } from './formats/types';
import type { EnrichmentSpec } from './pipeline';

/** Mentions ready to store (enriched, canonical URL worked out) and the rejects of the same records. */
export interface EnrichedBatch {
  mentions: NewMention[];
  rejects: Reject[];
  /** Bytes of the file read so far (progress). */
  bytesRead: number;
}

/** What the enrich worker starts with: plain data only. */
export interface EnrichWorkerData {
  file: string;
  format: FormatId;
  parse: ParseOptions;
  sourceId: number;
  enrichment: EnrichmentSpec;
  /** Batches the worker may send before the engine has taken one (bounds the memory in between). */
  credits: number;
}

export type ToEnrichWorker = { type: 'credit' };
export type FromEnrichWorker =
  | ({ type: 'batch' } & EnrichedBatch)
  | { type: 'done'; bytesRead: number }
  | { type: 'error'; code: ErrorCode | null; message: string };

/** Batches the worker may run ahead of the writes: a few seconds of work, a few MB of mentions. */
const CREDITS = 4;

/** Where the enrich worker's code is (`workerEntry`); null: the import enriches in the engine's thread. */
export function enrichWorkerEntry(): WorkerEntry | null {
  return workerEntry(import.meta.url, 'enrich-worker.ts', 'ingest-worker.js');
}

/**
 * Parses and enriches a file in a worker thread, yielding its batches in order. The worker stays at most
 * CREDITS batches ahead; leaving the loop early (a cancel, a failure while writing) ends the worker.
 * A file the format cannot read ends with the parser's own WatchpostError.
 */
export async function* enrichInWorker(
  entry: WorkerEntry,
  data: Omit<EnrichWorkerData, 'credits'>,
): AsyncGenerator<EnrichedBatch> {
  const messages = workerMessages<FromEnrichWorker>(entry, { ...data, credits: CREDITS }, "the import's worker thread");
  for await (const message of messages) {
    if (message.type === 'error') {
      throw message.code ? new WatchpostError(message.code, message.message) : new Error(message.message);
    }
    yield { mentions: message.mentions, rejects: message.rejects, bytesRead: message.bytesRead };
  }
}
