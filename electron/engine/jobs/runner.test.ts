import { describe, expect, it } from 'vitest';
import type { EngineEvent, JobInfo } from '../../../shared/api/events';
import { EventSink } from '../events';
import { JobRunner } from './runner';

function setup() {
  const events = new EventSink();
  const seen: EngineEvent[] = [];
  events.subscribe((event) => seen.push(event));
  return { runner: new JobRunner(events), seen };
}

const finished = (seen: EngineEvent[]) =>
  seen.filter((event) => event.name === 'job.finished').map((event) => event.payload as JobInfo);

describe('background jobs', () => {
  it('runs in chunks, reports progress and finishes with its message', async () => {
    const { runner, seen } = setup();
    runner.start('import', 'three chunks', async (control) => {
      for (let chunk = 1; chunk <= 3; chunk++) {
        control.progress(chunk * 10, 30);
        await control.checkpoint();
      }
      return '30 rows';
    });
    await runner.idle();
    expect(finished(seen)).toMatchObject([{ state: 'done', done: 30, total: 30, message: '30 rows' }]);
    expect(seen[0]?.name).toBe('job.progress');
  });

  it('stops at the next checkpoint when cancelled and keeps what it did', async () => {
    const { runner, seen } = setup();
    let chunks = 0;
    const job = runner.start('import', 'endless', async (control) => {
      for (;;) {
        chunks++;
        control.progress(chunks, null);
        await control.checkpoint();
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    runner.cancel(job.id);
    await runner.idle();
    const [info] = finished(seen);
    expect(info?.state).toBe('cancelled');
    expect(info?.message).toMatch(/what was committed stays/);
    expect(chunks).toBeGreaterThan(0);
  });

  it('lets other work run between chunks', async () => {
    const { runner } = setup();
    let answered = 0;
    runner.start('demo', 'busy', async (control) => {
      for (let i = 0; i < 50; i++) await control.checkpoint();
      return null;
    });
    const ticker = setInterval(() => answered++, 0);
    await runner.idle();
    clearInterval(ticker);
    expect(answered).toBeGreaterThan(0);
  });

  it('reports a failing job as failed with the reason', async () => {
    const { runner, seen } = setup();
    runner.start('import', 'broken', async () => {
      throw new Error('row 3: not a date');
    });
    await runner.idle();
    expect(finished(seen)).toMatchObject([{ state: 'failed', message: 'row 3: not a date' }]);
  });

  it('says when a job does not exist', () => {
    const { runner } = setup();
    expect(() => runner.cancel('nope')).toThrow(/there is no job nope/);
  });
});
