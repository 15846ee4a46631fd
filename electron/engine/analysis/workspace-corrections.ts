/**
 * Operators' sentiment corrections. The correction is stored on the mention (`sentiment_override`,
 * which the generated `sentiment` column puts before the automatic label, so every panel counts it)
 * and kept as history (who, when, old → new) in its own table and in the audit log.
 */
import type { Statement } from 'better-sqlite3';
import type { SentimentCorrection } from '../../../shared/api/analysis';
import { WatchpostError } from '../../../shared/api/result';
import type { Language, SentimentLabel } from '../../../shared/domain/mention';
import { recordAudit } from '../audit/record';
import { prioritize } from '../enrich/priority';
import type { Db } from '../store/db';

interface MentionSentiment {
  text: string;
  lang: Language | null;
  reach: number;
  sentiment: SentimentLabel | null;
  sentiment_label: SentimentLabel | null;
  sentiment_score: number | null;
  sentiment_override: SentimentLabel | null;
}

export class SentimentCorrections {
  private readonly mention: Statement<[number], MentionSentiment>;
  private readonly override: Statement<[SentimentLabel | null, number, number]>;
  private readonly remember: Statement<[number, number, string, SentimentLabel | null, SentimentLabel | null]>;
  private readonly history: Statement<
    [number],
    { at: number; operator: string; old_label: SentimentLabel | null; new_label: SentimentLabel | null }
  >;

  constructor(private readonly db: Db) {
    this.mention = db.prepare(
      `SELECT text, lang, reach, sentiment, sentiment_label, sentiment_score, sentiment_override
       FROM mentions WHERE id = ?`,
    );
    this.override = db.prepare('UPDATE mentions SET sentiment_override = ?, priority = ? WHERE id = ?');
    this.remember = db.prepare(
      'INSERT INTO sentiment_corrections (mention_id, at, operator, old_label, new_label) VALUES (?, ?, ?, ?, ?)',
    );
    this.history = db.prepare(
      `SELECT at, operator, old_label, new_label FROM sentiment_corrections WHERE mention_id = ?
       ORDER BY at DESC, id DESC`,
    );
  }

  /**
   * Sets (or with null removes) the operator's label; the priority follows the label that now counts.
   * Answers false when nothing changed (the same correction again).
   */
  correct(id: number, label: SentimentLabel | null, operator: string): boolean {
    return this.db.transaction(() => {
      const mention = this.mention.get(id);
      if (!mention) throw new WatchpostError('not_found', `mention ${id} does not exist`);
      if (mention.sentiment_override === label) return false;
      const automatic = mention.sentiment_label;
      const counted = label ?? automatic;
      const priority = prioritize({
        text: mention.text,
        lang: mention.lang,
        sentiment: counted,
        sentimentScore: mention.sentiment_score,
        reach: mention.reach,
      }).score;
      const at = Date.now();
      this.override.run(label, priority, id);
      this.remember.run(id, at, operator, mention.sentiment, label);
      recordAudit(
        this.db,
        {
          actor: operator,
          action: label === null ? 'sentiment.reset' : 'sentiment.correct',
          entity: 'mention',
          entityId: id,
          detail: { from: mention.sentiment, to: label ?? automatic, automatic },
        },
        at,
      );
      return true;
    })();
  }

  historyOf(id: number): SentimentCorrection[] {
    return this.history.all(id).map((row) => ({
      at: new Date(row.at).toISOString(),
      operator: row.operator,
      from: row.old_label,
      to: row.new_label,
    }));
  }
}
