/**
 * Why a mention has its sentiment and its priority, worked out again from its text on request: the
 * words that counted (with what each added), whether the workspace model decided, and the priority's
 * factors with their evidence. Nothing of it is stored, so it always matches the current analyzer.
 */
import type { Statement } from 'better-sqlite3';
import type { MentionExplanation } from '../../../shared/api/analysis';
import { WatchpostError } from '../../../shared/api/result';
import type { Language, SentimentLabel } from '../../../shared/domain/mention';
import { prioritize } from '../enrich/priority';
import type { Db } from '../store/db';
import type { WorkspaceAnalyzer } from './workspace-analyzer';
import type { SentimentCorrections } from './workspace-corrections';

interface ExplainedMention {
  text: string;
  lang: Language | null;
  reach: number;
  sentiment: SentimentLabel | null;
  sentiment_label: SentimentLabel | null;
  sentiment_score: number | null;
  sentiment_override: SentimentLabel | null;
  priority: number;
}

export class MentionExplainer {
  private readonly mention: Statement<[number], ExplainedMention>;

  constructor(
    db: Db,
    private readonly analyzer: WorkspaceAnalyzer,
    private readonly corrections: SentimentCorrections,
  ) {
    this.mention = db.prepare(
      `SELECT text, lang, reach, sentiment, sentiment_label, sentiment_score, sentiment_override, priority
       FROM mentions WHERE id = ?`,
    );
  }

  explain(id: number): MentionExplanation {
    const m = this.mention.get(id);
    if (!m) throw new WatchpostError('not_found', `mention ${id} does not exist`);
    const now = this.analyzer.explain(m.text, m.lang);
    const lang = m.lang ?? now.lang;
    const priority = prioritize({
      text: m.text,
      lang,
      sentiment: m.sentiment,
      sentimentScore: m.sentiment_score,
      reach: m.reach,
    });
    return {
      id,
      lang,
      sentiment: {
        label: m.sentiment,
        automatic: m.sentiment_label,
        score: m.sentiment_score,
        override: m.sentiment_override,
        now: now.sentiment,
        lexicon: now.lexicon,
        adapted: now.adapted,
        hits: now.hits,
      },
      priority: { ...priority, stored: m.priority },
      corrections: this.corrections.historyOf(id),
    };
  }
}
