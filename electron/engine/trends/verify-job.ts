import type { RollupVerification } from '../../../shared/api/trends';
import { WatchpostError } from '../../../shared/api/result';
import { JobCancelled, type JobRunner } from '../jobs/runner';
import { openWorkspace, type Db } from '../store/db';
import { VERIFY_CHUNK, verifySteps } from './rollups';

/**
 * `trends.verifyRollups` in the engine. Recomputing every rollup costs about a minute of CPU at 1M
 * mentions, so it runs as a job (progress events, cancellable) in bounded steps (verifySteps), on a
 * read-only connection of its own: its one read transaction is a snapshot of the workspace, so mentions
 * stored meanwhile through the engine's connection neither wait for it nor show up as differences, and
 * between steps the engine answers other calls (the inbox stays usable). The call resolves with the
 * verification when the job ends; a second call while one runs shares it.
 *
 * An in-memory workspace (tests) has no second connection: it is verified at once on the engine's own.
 */
export class RollupVerifier {
  private running: Promise<RollupVerification> | null = null;

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly jobs: JobRunner,
    /** Mentions per step (tests make it small to see many steps). */
    private readonly chunk = VERIFY_CHUNK,
  ) {}

  verify(): Promise<RollupVerification> {
    this.running ??= this.start().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private start(): Promise<RollupVerification> {
    return new Promise((resolve, reject) => {
      this.jobs.start('rollups', 'Verifying the trend rollups', async (control) => {
        const own = this.dataDir === ':memory:' ? null : openWorkspace(this.dataDir, { readonly: true });
        const db = own ?? this.db;
        const steps = verifySteps(db, this.chunk);
        try {
          db.exec('BEGIN');
          let step = steps.next();
          let units = 0;
          while (!step.done) {
            units = step.value.total;
            control.progress(step.value.done, units);
            // The engine's own connection cannot be left between steps: it would take other calls' writes.
            if (own) await control.checkpoint();
            step = steps.next();
          }
          const result = step.value;
          control.progress(units, units);
          resolve(result);
          const message = result.ok
            ? `rollups match the mentions (${result.checkedRows} rows checked)`
            : `rollups differ from the mentions in ${result.differences.length} places`;
          return { message, result: { ok: result.ok, checkedRows: result.checkedRows } };
        } catch (err) {
          reject(
            err instanceof JobCancelled
              ? new WatchpostError('cancelled', 'the verification of the rollups was cancelled')
              : err,
          );
          throw err;
        } finally {
          steps.return(undefined as never);
          if (db.inTransaction) db.exec('ROLLBACK');
          own?.close();
        }
      });
    });
  }
}
