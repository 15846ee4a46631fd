import type { JobInfo, JobKind } from '../../../shared/api/events';
import type { JobControl, JobOutcome, JobRunner } from './runner';

/** What a restartable job's work sees besides its control: whether it must start over. */
export type RestartableWork = (control: JobControl, restartRequested: () => boolean) => Promise<JobOutcome>;

/**
 * A job that at most one copy of runs. Asking for it while it runs does not queue a second job: the
 * running one starts over with what is current (a topic's edited query, the changed lexicon), so the
 * operator sees one progress bar however often they save.
 */
export class RestartableJob {
  private runningId: string | null = null;
  private restart = false;

  constructor(
    private readonly jobs: JobRunner,
    private readonly kind: JobKind,
    private readonly label: string,
    private readonly work: RestartableWork,
  ) {}

  get running(): boolean {
    return this.runningId !== null;
  }

  request(): JobInfo {
    if (this.runningId !== null) {
      this.restart = true;
      const current = this.jobs.list().find((job) => job.id === this.runningId);
      if (current) return current;
    }
    this.restart = false;
    const info = this.jobs.start(this.kind, this.label, async (control) => {
      try {
        let outcome: JobOutcome;
        do {
          this.restart = false;
          control.progress(0, null);
          outcome = await this.work(control, () => this.restart);
        } while (this.restart);
        return outcome;
      } finally {
        // In the same turn as the last restart check: a request after this starts a new job.
        this.runningId = null;
      }
    });
    this.runningId = info.id;
    return info;
  }
}
