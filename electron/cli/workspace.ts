import { existsSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../engine/engine';
import { inProcessEngine } from '../engine/in-process';
import { DB_FILE } from '../engine/store/db';
import type { EngineClient } from '../engine/client';
import type { EngineEvent, JobInfo } from '../../shared/api/events';
import type { MethodName, MethodOutput, MethodInput } from '../../shared/api/contract';
import { CliError } from './args';
import type { Io } from './io';

/**
 * The engine in the CLI's own thread, for one-shot commands. Its log (slow calls, internal errors)
 * stays quiet unless WATCHPOST_DEBUG is set, so stdout and stderr carry only what the command says.
 */
export function openLocalEngine(dataDir: string): EngineClient {
  const log = (line: string) => {
    if (process.env.WATCHPOST_DEBUG) process.stderr.write(`${line}\n`);
  };
  return inProcessEngine(Engine.open({ dataDir, log }));
}

export function requireWorkspace(dataDir: string): void {
  if (!existsSync(path.join(dataDir, DB_FILE))) {
    throw new CliError(
      `there is no workspace in ${dataDir}; create one with 'watchpost demo --data ${dataDir}' or import files into it`,
    );
  }
}

/** Calls the engine and turns an error envelope into a one-line CLI error. */
export async function call<M extends MethodName>(
  engine: EngineClient,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await engine.call(method, input);
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as MethodOutput<M>;
}

/**
 * Starts a job through `method` and waits for it to finish, drawing a progress line on stderr.
 * Listens before asking, so a job that finishes at once is not missed; fails when the job failed.
 */
export async function runJob<M extends 'demo.generate' | 'ingest.importFiles'>(
  engine: EngineClient,
  method: M,
  input: MethodInput<M>,
  io: Io,
  quiet = false,
): Promise<JobInfo> {
  const seen = new Map<string, JobInfo>();
  let jobId: string | null = null;
  let settle: ((info: JobInfo) => void) | null = null;
  const started = Date.now();
  const unsubscribe = engine.subscribe((event: EngineEvent) => {
    if (event.name !== 'job.progress' && event.name !== 'job.finished') return;
    const info = event.payload as JobInfo;
    if (event.name === 'job.finished') seen.set(info.id, info);
    if (info.id !== jobId) return;
    if (event.name === 'job.progress' && !quiet && info.total) {
      const percent = Math.floor((info.done / info.total) * 100);
      const seconds = (Date.now() - started) / 1000;
      io.err(`\r${info.label}: ${percent}% (${info.done.toLocaleString('en-GB')} in ${seconds.toFixed(1)} s)   `);
    }
    if (event.name === 'job.finished') settle?.(info);
  });
  try {
    const job = await call(engine, method, input);
    jobId = job.id;
    const finished = seen.get(job.id) ?? (await new Promise<JobInfo>((resolve) => (settle = resolve)));
    if (!quiet) io.err('\n');
    if (finished.state === 'failed')
      throw new CliError(`${finished.label} failed: ${finished.message ?? 'no reason given'}`);
    return finished;
  } finally {
    unsubscribe();
  }
}
