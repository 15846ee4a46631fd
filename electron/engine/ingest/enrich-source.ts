import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WatchpostError, type ErrorCode } from '../../../shared/api/result';
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

/**
 * Where the worker's code is: beside this module's source (tests, the CLI from source and the benches, loaded
 * through tsx), or the built `ingest-worker.js` in out/main (this module then lives in out/main/chunks).
 * Null when it is nowhere to be found; the import then enriches in the engine's thread.
 */
export function enrichWorkerEntry(): { entry: string; eval: boolean } | null {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) {
    const source = path.join(dir, 'enrich-worker.ts');
    if (!existsSync(source)) return null;
    // Node workers do not inherit the parent's TypeScript loader: register tsx inside the worker first.
    const url = JSON.stringify(pathToFileURL(source).href);
    return {
      entry: `import('tsx/esm/api').then(({ register }) => { register(); return import(${url}); });`,
      eval: true,
    };
  }
  for (const candidate of [path.join(dir, 'ingest-worker.js'), path.join(dir, '..', 'ingest-worker.js')]) {
    if (existsSync(candidate)) return { entry: candidate, eval: false };
  }
  return null;
}

/**
 * Parses and enriches a file in a worker thread, yielding its batches in order. The worker stays at most
 * CREDITS batches ahead; leaving the loop early (a cancel, a failure while writing) ends the worker.
 * A file the format cannot read ends with the parser's own WatchpostError.
 */
export async function* enrichInWorker(
  entry: { entry: string; eval: boolean },
  data: Omit<EnrichWorkerData, 'credits'>,
): AsyncGenerator<EnrichedBatch> {
  const worker = new Worker(entry.entry, { eval: entry.eval, workerData: { ...data, credits: CREDITS } });
  const queue: FromEnrichWorker[] = [];
  let failure: Error | null = null;
  let exitCode: number | null = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: FromEnrichWorker) => {
    queue.push(message);
    poke();
  });
  worker.on('error', (err) => {
    failure = err;
    poke();
  });
  worker.on('exit', (code) => {
    exitCode = code;
    poke();
  });
  try {
    for (;;) {
      while (queue.length === 0 && failure === null && exitCode === null) {
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = queue.shift();
      if (!message) {
        throw failure ?? new Error(`the import's worker thread stopped unexpectedly (exit code ${String(exitCode)})`);
      }
      if (message.type === 'done') return;
      if (message.type === 'error') {
        throw message.code ? new WatchpostError(message.code, message.message) : new Error(message.message);
      }
      worker.postMessage({ type: 'credit' } satisfies ToEnrichWorker);
      yield { mentions: message.mentions, rejects: message.rejects, bytesRead: message.bytesRead };
    }
  } finally {
    await worker.terminate();
  }
}
