/**
 * Settings → Analysis and the mention detail's sentiment, as one service: the workspace lexicon,
 * corrections and the model learnt from them, re-scoring history, and explanations.
 */
import type { MethodOutput, MethodParsedInput } from '../../../shared/api/contract';
import type { EventSink } from '../events';
import { RestartableJob } from '../jobs/restartable';
import type { JobRunner } from '../jobs/runner';
import type { Db } from '../store/db';
import { WorkspaceAnalyzer } from './workspace-analyzer';
import { SentimentCorrections } from './workspace-corrections';
import { MentionExplainer } from './workspace-explain';
import { Rescorer } from './workspace-rescore';

/**
 * Corrections often come in bursts (an operator going down the inbox): the model retrains once the
 * operator pauses this long, not after every click.
 */
export const RELEARN_DELAY_MS = 1500;

export class AnalysisService {
  readonly analyzer: WorkspaceAnalyzer;
  private readonly corrections: SentimentCorrections;
  private readonly explainer: MentionExplainer;
  private readonly rescore: RestartableJob;
  private readonly relearnDelayMs: number;
  private relearnTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: Db,
    jobs: JobRunner,
    private readonly events: EventSink,
    options: { fallbackLanguage?: 'nl' | 'en'; relearnDelayMs?: number } = {},
  ) {
    this.analyzer = new WorkspaceAnalyzer(db, { fallbackLanguage: options.fallbackLanguage });
    this.corrections = new SentimentCorrections(db);
    this.explainer = new MentionExplainer(db, this.analyzer, this.corrections);
    const rescorer = new Rescorer(db, this.analyzer);
    this.rescore = new RestartableJob(jobs, 'rescore', 're-score history', (control, restart) =>
      rescorer.rescoreAll(control, restart),
    );
    this.relearnDelayMs = options.relearnDelayMs ?? RELEARN_DELAY_MS;
  }

  explain(id: number): MethodOutput<'mentions.explain'> {
    return this.explainer.explain(id);
  }

  correct(input: MethodParsedInput<'mentions.correctSentiment'>): MethodOutput<'mentions.correctSentiment'> {
    if (this.corrections.correct(input.id, input.label, input.operator)) {
      this.events.emit('mentions.changed', { ids: [input.id] });
      this.scheduleRelearn();
    }
    return this.explainer.explain(input.id);
  }

  lexiconList(): MethodOutput<'lexicon.list'> {
    return this.analyzer.lexicon.list();
  }

  lexiconSave(input: MethodParsedInput<'lexicon.save'>): MethodOutput<'lexicon.save'> {
    this.analyzer.lexicon.save(input.term, input.weight, input.operator);
    return this.lexiconChanged();
  }

  lexiconDelete(input: MethodParsedInput<'lexicon.delete'>): MethodOutput<'lexicon.delete'> {
    this.analyzer.lexicon.delete(input.term, input.operator);
    return this.lexiconChanged();
  }

  model(): MethodOutput<'analysis.model'> {
    return this.analyzer.model.status();
  }

  rescoreHistory(): MethodOutput<'analysis.rescore'> {
    return this.rescore.request();
  }

  /** Retrains now if a retrain is waiting (tests, and closing the workspace). */
  flush(): void {
    if (this.relearnTimer === null) return;
    clearTimeout(this.relearnTimer);
    this.relearnTimer = null;
    if (this.db.open) this.analyzer.relearn();
  }

  /** The lexicon's scores feed the model, so both are rebuilt; then history follows in a job. */
  private lexiconChanged(): MethodOutput<'lexicon.save'> {
    if (this.relearnTimer !== null) clearTimeout(this.relearnTimer);
    this.relearnTimer = null;
    this.analyzer.relearn();
    return { entries: this.analyzer.lexicon.list(), rescore: this.rescore.request() };
  }

  private scheduleRelearn(): void {
    if (this.relearnTimer !== null) clearTimeout(this.relearnTimer);
    this.relearnTimer = setTimeout(() => {
      this.relearnTimer = null;
      if (this.db.open) this.analyzer.relearn();
    }, this.relearnDelayMs);
    // A waiting retrain must not keep the CLI alive; closing the engine flushes it.
    this.relearnTimer.unref?.();
  }
}
