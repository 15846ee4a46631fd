import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** How to start a worker thread: a built file, or (from TypeScript sources) code that loads the source. */
export interface WorkerEntry {
  entry: string;
  eval: boolean;
}

/**
 * Where a worker's code is, seen from the module `callerUrl` (its `import.meta.url`): `source` beside that
 * module's source (tests, the CLI from source and the benches, loaded through tsx), or the built `built` in
 * out/main (the caller then lives in out/main or out/main/chunks). Null when it is nowhere to be found; the
 * caller then does the work in its own thread.
 */
export function workerEntry(callerUrl: string, source: string, built: string): WorkerEntry | null {
  const here = fileURLToPath(callerUrl);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) {
    const file = path.join(dir, source);
    if (!existsSync(file)) return null;
    // Node workers do not inherit the parent's TypeScript loader: register tsx inside the worker first.
    const url = JSON.stringify(pathToFileURL(file).href);
    return {
      entry: `import('tsx/esm/api').then(({ register }) => { register(); return import(${url}); });`,
      eval: true,
    };
  }
  for (const candidate of [path.join(dir, built), path.join(dir, '..', built)]) {
    if (existsSync(candidate)) return { entry: candidate, eval: false };
  }
  return null;
}

/** What a streaming worker sends: its batches, then `done`, or an `error`. */
export type StreamMessage = { type: 'done' } | { type: 'error'; message: string } | { type: string };

/**
 * Starts a worker that streams batches and yields its messages in order, up to `done`; `error` messages are
 * yielded for the caller to turn into its own error. The worker runs at most its credits ahead (it starts
 * with them in its workerData): each batch taken sends one credit back, before the caller works on it.
 * Leaving the loop early (a cancel, a failure while writing) ends the worker; a worker that crashes or
 * exits without `done` ends the loop with an error naming `what`.
 */
export async function* workerMessages<M extends StreamMessage>(
  entry: WorkerEntry,
  workerData: unknown,
  what: string,
): AsyncGenerator<Exclude<M, { type: 'done' }>> {
  const worker = new Worker(entry.entry, { eval: entry.eval, workerData });
  const queue: M[] = [];
  let failure: Error | null = null;
  let exitCode: number | null = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: M) => {
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
      if (!message) throw failure ?? new Error(`${what} stopped unexpectedly (exit code ${String(exitCode)})`);
      if (message.type === 'done') return;
      if (message.type !== 'error') worker.postMessage({ type: 'credit' });
      yield message as Exclude<M, { type: 'done' }>;
    }
  } finally {
    await worker.terminate();
  }
}
