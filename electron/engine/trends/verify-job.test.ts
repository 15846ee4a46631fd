import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { openMemoryWorkspace } from '../store/db';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { TrendIndexer } from './indexer';
import { verifyRollups, verifySteps } from './rollups';
import { fill, mixedChanges } from './trends.testkit';
import { RollupVerifier } from './verify-job';

describe('rollup verification in steps', () => {
  it('recomputes in chunks of mentions to the same verdict as one pass, with progress that only grows', () => {
    const db = openMemoryWorkspace();
    fill(db, 1500, 7);
    mixedChanges(db, 1500);
    new TrendIndexer(db).catchUp();
    const whole = verifyRollups(db);
    expect(whole.ok).toBe(true);
    const steps = verifySteps(db, 100);
    const seen: number[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      expect(step.value.done).toBeLessThanOrEqual(step.value.total);
      seen.push(step.value.done);
    }
    expect(seen.length).toBeGreaterThan(20);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(step.value).toEqual(whole);

    // A week row spans chunks: a wrong count there is found after the merge, and only there.
    db.prepare(
      `UPDATE rollup_week SET n = n + 2 WHERE (bucket, channel, lang, topics) =
       (SELECT bucket, channel, lang, topics FROM rollup_week ORDER BY n DESC, bucket LIMIT 1)`,
    ).run();
    const chunked = verifySteps(db, 100);
    let last = chunked.next();
    while (!last.done) last = chunked.next();
    expect(last.value.ok).toBe(false);
    expect(last.value.differences).toEqual([expect.objectContaining({ table: 'rollup_week', column: 'n' })]);
    expect(last.value.differences[0]!.stored).toBe(last.value.differences[0]!.expected + 2);
  });
});

describe('trends.verifyRollups in the engine', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('runs as a job on a snapshot of its own: calls are answered and mentions stored while it runs', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchpost-verify-'));
    const engine = Engine.open({ dataDir: dir, log: () => {} });
    try {
      fill(engine.db, 2000, 9);
      new TrendIndexer(engine.db).catchUp();
      const verifier = new RollupVerifier(engine.db, dir, engine.jobs, 100);
      let finished = false;
      const verifying = verifier.verify();
      expect(verifier.verify()).toBe(verifying);
      void verifying.finally(() => (finished = true));
      const job = () => engine.jobs.list().find((j) => j.kind === 'rollups' && j.label.startsWith('Verifying'));
      while (!(job()?.done ?? 0)) await new Promise((resolve) => setImmediate(resolve));

      // Mid-way: the engine answers, and a new mention (its terms not counted yet) is stored.
      const extent = await engine.dispatch('trends.extent', {});
      expect(extent.ok).toBe(true);
      const { sourceId, ...late } = sampleMention({
        externalId: 'late',
        createdAt: Date.parse('2025-06-01T12:00:00Z'),
      });
      void sourceId;
      storeMentions(engine.db, [late]);
      expect(finished).toBe(false);

      const result = await verifying;
      expect(result.ok).toBe(true);
      // The snapshot held the mentions as they were when the job began: the late one was not there to count.
      expect(result.termsPending).toBe(0);
      expect(verifyRollups(engine.db).termsPending).toBe(1);
      await engine.jobs.idle();
      expect(job()).toMatchObject({ state: 'done', done: job()!.total });
    } finally {
      await engine.close();
    }
  });

  it('answers through the dispatcher with the differences when a rollup is wrong', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchpost-verify-'));
    const engine = Engine.open({ dataDir: dir, log: () => {} });
    try {
      fill(engine.db, 300, 3);
      engine.db
        .prepare(
          `UPDATE rollup_month SET n = n + 1 WHERE (bucket, channel, lang, topics) =
           (SELECT bucket, channel, lang, topics FROM rollup_month ORDER BY bucket LIMIT 1)`,
        )
        .run();
      const answer = await engine.dispatch('trends.verifyRollups', {});
      expect(answer.ok).toBe(true);
      if (!answer.ok) return;
      const verification = answer.value as { ok: boolean; differences: { table: string }[] };
      expect(verification.ok).toBe(false);
      expect(verification.differences.map((d) => d.table)).toContain('rollup_month');
    } finally {
      await engine.close();
    }
  });
});
