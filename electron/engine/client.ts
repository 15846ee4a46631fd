import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineEvent } from '../../shared/api/events';
import { fail, WatchpostError, type ErrorCode, type Result } from '../../shared/api/result';

/** How every door talks to the engine, whether it runs in this thread or in a worker. */
export interface EngineClient {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EngineEvent) => void): () => void;
  close(): Promise<void>;
}

/** Messages between a door and the engine worker. */
export type ToWorker = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; code: ErrorCode; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EngineEvent }
  | { type: 'closed' };

export interface WorkerOptions {
  dataDir: string;
  /** The desktop app's credential key, unsealed by main with the OS keychain; absent: the engine uses the key file. */
  secretKey?: Uint8Array;
  /** The built `engine-worker.js`, or the `.ts` source (tests), which is loaded through tsx. */
  workerFile: string;
}

/** What the engine worker starts with. */
export interface EngineWorkerData {
  dataDir: string;
  secretKey?: Uint8Array;
}

/** Node 20 workers do not inherit the parent's TypeScript loader: register tsx inside the worker first. */
function workerEntry(file: string): { entry: string; eval: boolean } {
  if (!file.endsWith('.ts')) return { entry: file, eval: false };
  const url = JSON.stringify(pathToFileURL(file).href);
  return { entry: `import('tsx/esm/api').then(({ register }) => { register(); return import(${url}); });`, eval: true };
}

/**
 * Starts the engine in a worker thread, so SQLite's synchronous calls and long jobs never block the
 * door's event loop. Resolves when the workspace is open; rejects with the engine's own sentence when it cannot be.
 */
export function startEngineWorker(options: WorkerOptions): Promise<EngineClient> {
  const { entry, eval: evaluate } = workerEntry(options.workerFile);
  const workerData: EngineWorkerData = { dataDir: options.dataDir, secretKey: options.secretKey };
  const worker = new Worker(entry, { eval: evaluate, workerData });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: EngineEvent) => void>();
  let nextId = 1;
  let alive = true;

  const failPending = (message: string): void => {
    alive = false;
    for (const resolve of pending.values()) resolve(fail('unavailable', message));
    pending.clear();
  };

  const client: EngineClient = {
    call(method, input) {
      if (!alive) return Promise.resolve(fail('unavailable', 'the engine has stopped'));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: 'call', id, method, input } satisfies ToWorker);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (!alive) return;
      alive = false;
      const closed = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'close' } satisfies ToWorker);
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      await closed;
      clearTimeout(timer);
    },
  };

  return new Promise((resolve, reject) => {
    let started = false;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          started = true;
          resolve(client);
          break;
        case 'fatal':
          reject(new WatchpostError(message.code, message.message));
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'event':
          for (const listener of listeners) listener(message.event);
          break;
        case 'closed':
          break;
      }
    });
    worker.on('error', (err) => {
      failPending(`the engine stopped: ${err.message}`);
      if (!started) reject(new WatchpostError('internal', `the engine could not start: ${err.message}`));
    });
    worker.on('exit', (code) => {
      failPending(`the engine stopped (exit code ${code})`);
      if (!started) reject(new WatchpostError('internal', `the engine exited before it was ready (exit code ${code})`));
    });
  });
}
