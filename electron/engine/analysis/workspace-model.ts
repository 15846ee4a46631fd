/**
 * The workspace's sentiment model, learnt from operators' corrections and stored as JSON, so a
 * restart uses it at once. Retraining from scratch is cheap: ~0.03 ms per correction per 25 epochs
 * (measured on the 2-core machine), so up to 2,000 corrections train in full and larger sets get
 * fewer passes, keeping a retrain near 60 ms.
 */
import type { Statement } from 'better-sqlite3';
import type { AdaptiveStatus } from '../../../shared/api/analysis';
import type { Language, SentimentLabel } from '../../../shared/domain/mention';
import type { Db } from '../store/db';
import { AdaptiveModel, MIN_EXAMPLES, type AdaptiveJSON, type Analyzer } from './index';

/** Example passes per retrain, spread over the epochs: the cost stays flat as corrections grow. */
const TRAINING_BUDGET = 50_000;

interface CorrectedMention {
  text: string;
  lang: Language | null;
  label: SentimentLabel;
}

export class WorkspaceModel {
  private readonly corrected: Statement<[], CorrectedMention>;
  private readonly correctedCount: Statement<[], number>;
  private readonly read: Statement<[], { model: string; examples: number; trained_at: number }>;
  private readonly write: Statement<[string, number, number]>;

  constructor(db: Db) {
    this.corrected = db.prepare(
      `SELECT text, lang, sentiment_override AS label FROM mentions INDEXED BY mentions_corrected
       WHERE sentiment_override IS NOT NULL ORDER BY id`,
    );
    this.correctedCount = db
      .prepare<[], number>(
        'SELECT count(*) FROM mentions INDEXED BY mentions_corrected WHERE sentiment_override IS NOT NULL',
      )
      .pluck();
    this.read = db.prepare('SELECT model, examples, trained_at FROM sentiment_model WHERE id = 1');
    this.write = db.prepare(
      `INSERT INTO sentiment_model (id, model, examples, trained_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET model = excluded.model, examples = excluded.examples,
         trained_at = excluded.trained_at`,
    );
  }

  /** The stored model, or null when there is none or it cannot be read (it is then retrained). */
  stored(): AdaptiveJSON | null {
    const row = this.read.get();
    if (!row) return null;
    try {
      return AdaptiveModel.fromJSON(JSON.parse(row.model)).toJSON();
    } catch {
      return null;
    }
  }

  /**
   * Trains on every corrected mention, as `lexiconOnly` (the workspace lexicon without a model) scores
   * it, stores the result and answers it.
   */
  retrain(lexiconOnly: Analyzer): AdaptiveModel {
    const corrections = this.corrected.all().map((m) => lexiconOnly.correction(m.text, m.label, m.lang ?? undefined));
    const epochs = Math.max(3, Math.min(25, Math.round(TRAINING_BUDGET / Math.max(1, corrections.length))));
    const model = AdaptiveModel.train(corrections, { epochs });
    this.write.run(JSON.stringify(model.toJSON()), model.examples, Date.now());
    return model;
  }

  status(): AdaptiveStatus {
    const row = this.read.get();
    const trainedOn = row?.examples ?? 0;
    return {
      corrections: this.correctedCount.get() ?? 0,
      trainedOn,
      minimum: MIN_EXAMPLES,
      active: trainedOn >= MIN_EXAMPLES,
      trainedAt: row ? new Date(row.trained_at).toISOString() : null,
    };
  }
}
