import { useEffect } from 'react';
import { create } from 'zustand';
import type { WorkspaceStats } from '../../../shared/api/contract';
import type { JobInfo } from '../../../shared/api/events';
import { ApiError, call, onConnection, subscribe } from '../api/client';
import type { ConnectionState } from '../api/transport';

/** How often the status bar re-reads its figures when no event told it to. */
export const STATS_REFRESH_MS = 30_000;
/** How long a finished job stays visible, so the operator sees how it ended; a failure longer, to be read. */
const FINISHED_JOB_VISIBLE_MS = 4_000;
const FAILED_JOB_VISIBLE_MS = 20_000;

interface WorkspaceStatus {
  stats: WorkspaceStats | null;
  statsError: ApiError | null;
  jobs: Record<string, JobInfo>;
  connection: ConnectionState;
}

export const useWorkspaceStatus = create<WorkspaceStatus>(() => ({
  stats: null,
  statsError: null,
  jobs: {},
  connection: 'connecting',
}));

/** Between two reads of the figures; a long import sends many events and each read counts the whole store. */
const STATS_MIN_GAP_MS = 1_000;
let statsInFlight = false;
let statsAgain = false;

async function readStats(): Promise<void> {
  try {
    const stats = await call('workspace.stats', {});
    useWorkspaceStatus.setState({ stats, statsError: null });
  } catch (error) {
    useWorkspaceStatus.setState({ statsError: error instanceof ApiError ? error : null });
  }
}

/** Re-reads the figures; calls that come while a read runs fold into one more read, a second later. */
function refreshStats(): void {
  if (statsInFlight) {
    statsAgain = true;
    return;
  }
  statsInFlight = true;
  void readStats().finally(() =>
    setTimeout(() => {
      statsInFlight = false;
      if (statsAgain) {
        statsAgain = false;
        refreshStats();
      }
    }, STATS_MIN_GAP_MS),
  );
}

function putJob(job: JobInfo): void {
  useWorkspaceStatus.setState((state) => {
    // A late progress event must not bring a finished job back to life.
    if (job.state === 'running' && state.jobs[job.id] && state.jobs[job.id]?.state !== 'running') return state;
    return { jobs: { ...state.jobs, [job.id]: job } };
  });
}

function dropJob(id: string): void {
  useWorkspaceStatus.setState((state) => {
    const { [id]: _gone, ...jobs } = state.jobs;
    return { jobs };
  });
}

/** Keeps the status figures, running jobs and connection state current while the app is open. */
export function useWorkspaceStatusFeed(): void {
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    refreshStats();
    void call('jobs.list', {})
      .then((jobs) => jobs.filter((job) => job.state === 'running').forEach(putJob))
      .catch(() => {});
    const interval = setInterval(() => refreshStats(), STATS_REFRESH_MS);
    let previous: ConnectionState | null = null;
    const unsubscribe = [
      subscribe('mentions.added', () => refreshStats()),
      subscribe('mentions.changed', () => refreshStats()),
      subscribe('job.progress', putJob),
      subscribe('job.finished', (job) => {
        putJob(job);
        refreshStats();
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            dropJob(job.id);
          },
          job.state === 'failed' ? FAILED_JOB_VISIBLE_MS : FINISHED_JOB_VISIBLE_MS,
        );
        timers.add(timer);
      }),
      onConnection((connection) => {
        // Events sent while the socket was down are lost: re-read the figures once it is back.
        if (connection === 'open' && previous === 'reconnecting') refreshStats();
        previous = connection;
        useWorkspaceStatus.setState({ connection });
      }),
    ];
    return () => {
      clearInterval(interval);
      timers.forEach(clearTimeout);
      unsubscribe.forEach((stop) => stop());
    };
  }, []);
}
