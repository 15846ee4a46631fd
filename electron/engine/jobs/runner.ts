import { randomUUID } from 'node:crypto';
import type { JobInfo, JobKind } from '../../../shared/api/events';
import { WatchpostError } from '../../../shared/api/result';
import type { EventSink } from '../events';

/** What a running job sees: report progress, yield to waiting calls, stop when asked. */
export interface JobControl {
  readonly id: string;
  readonly cancelled: boolean;
  progress(done: number, total: number | null): void;
  /** Gives queued API calls a turn between chunks and throws `cancelled` when the job was cancelled. */
  checkpoint(): Promise<void>;
}

/** A job ends with a message for people, and optionally a result for code (an import's counts). */
export type JobOutcome = string | null | { message: string; result: Record<string, unknown> };

export class JobCancelled extends Error {
  /** What the job kept before it stopped, when it can say (an import's counts so far). */
  constructor(readonly outcome: { message: string; result: Record<string, unknown> } | null = null) {
    super('cancelled');
  }
}

const KEEP_FINISHED = 50;
const PROGRESS_EVERY_MS = 200;

/** Runs long work in chunks in the engine's thread, with progress events and cancellation. */
export class JobRunner {
  private readonly jobs = new Map<string, { info: JobInfo; cancel: boolean }>();

  constructor(private readonly events: EventSink) {}

  start(kind: JobKind, label: string, work: (control: JobControl) => Promise<JobOutcome>): JobInfo {
    const entry = {
      info: {
        id: randomUUID(),
        kind,
        label,
        state: 'running' as const,
        done: 0,
        total: null,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        message: null,
        result: null,
      } satisfies JobInfo as JobInfo,
      cancel: false,
    };
    this.jobs.set(entry.info.id, entry);
    let lastEmit = 0;
    const control: JobControl = {
      id: entry.info.id,
      get cancelled() {
        return entry.cancel;
      },
      progress: (done, total) => {
        entry.info = { ...entry.info, done, total };
        const now = Date.now();
        if (now - lastEmit >= PROGRESS_EVERY_MS) {
          lastEmit = now;
          this.events.emit('job.progress', entry.info);
        }
      },
      checkpoint: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (entry.cancel) throw new JobCancelled();
      },
    };
    this.events.emit('job.progress', entry.info);
    // Start on the next turn, so the call that started the job is answered before any work is done.
    const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => work(control));
    void started.then(
      (outcome) =>
        typeof outcome === 'object' && outcome !== null
          ? this.finish(entry, 'done', outcome.message, outcome.result)
          : this.finish(entry, 'done', outcome),
      (err: unknown) =>
        err instanceof JobCancelled
          ? this.finish(
              entry,
              'cancelled',
              err.outcome?.message ??
                `cancelled after ${entry.info.done} of ${entry.info.total ?? '?'}; what was committed stays`,
              err.outcome?.result ?? null,
            )
          : this.finish(entry, 'failed', err instanceof Error ? err.message : String(err)),
    );
    return entry.info;
  }

  cancel(id: string): JobInfo {
    const entry = this.jobs.get(id);
    if (!entry) throw new WatchpostError('not_found', `there is no job ${id}`);
    if (entry.info.state === 'running') entry.cancel = true;
    return entry.info;
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((entry) => entry.info).reverse();
  }

  /** Resolves when no job is running (for the CLI, which waits for its job before exiting). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((entry) => entry.info.state === 'running')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private finish(
    entry: { info: JobInfo },
    state: JobInfo['state'],
    message: string | null,
    result: Record<string, unknown> | null = null,
  ): void {
    entry.info = { ...entry.info, state, message, result, finishedAt: new Date().toISOString() };
    this.events.emit('job.finished', entry.info);
    const finished = [...this.jobs.values()].filter((job) => job.info.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(old.info.id);
  }
}
