import { useEffect, useState } from 'react';
import type { JobInfo } from '../../../../shared/api/events';
import { call, subscribe } from '../../api/client';
import type { Sample } from './pace';

export interface FollowedJob {
  job: JobInfo | null;
  /** Progress reports as they arrived, for the rate and the time left. */
  samples: Sample[];
}

/**
 * Follows one job by its id. Listens from the moment the component mounts, before the job is even
 * started: over HTTP the first events can arrive before the call that started the job has answered.
 */
export function useJobFeed(jobId: string | null): FollowedJob {
  const [seen, setSeen] = useState<Record<string, FollowedJob>>({});

  useEffect(() => {
    const note = (job: JobInfo) =>
      setSeen((all) => {
        const before = all[job.id];
        // A late progress report must not bring a finished job back to life.
        if (before?.job && before.job.state !== 'running' && job.state === 'running') return all;
        const samples = [...(before?.samples ?? []), { at: Date.now(), done: job.done }].slice(-50);
        return { ...all, [job.id]: { job, samples } };
      });
    const stops = [subscribe('job.progress', note), subscribe('job.finished', note)];
    return () => stops.forEach((stop) => stop());
  }, []);

  useEffect(() => {
    if (!jobId) return;
    // Events sent while the connection was down are lost: read the job once to be sure.
    let current = true;
    call('jobs.list', {})
      .then((jobs) => {
        const job = jobs.find((candidate) => candidate.id === jobId);
        if (current && job)
          setSeen((all) =>
            all[jobId]?.job ? all : { ...all, [jobId]: { job, samples: [{ at: Date.now(), done: job.done }] } },
          );
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [jobId]);

  return (jobId && seen[jobId]) || { job: null, samples: [] };
}
