/**
 * Re-scores history with the workspace's current analyzer: sentiment label and score, and the
 * priority that depends on them. Newest mentions first, in chunks paced to ~40 ms, so the inbox
 * stays answerable. Corrections stay: the priority follows the corrected label where there is one.
 */
import type { Statement } from 'better-sqlite3';
import type { Language, SentimentLabel } from '../../../shared/domain/mention';
import { prioritize } from '../enrich/priority';
import { ChunkPacer } from '../jobs/chunk-pacer';
import type { JobControl, JobOutcome } from '../jobs/runner';
import type { Db } from '../store/db';
import type { WorkspaceAnalyzer } from './workspace-analyzer';

interface StoredMention {
  id: number;
  text: string;
  lang: Language | null;
  reach: number;
  sentiment_label: SentimentLabel | null;
  sentiment_score: number | null;
  sentiment_override: SentimentLabel | null;
  priority: number;
}

export class Rescorer {
  private readonly newestId: Statement<[], number>;
  private readonly range: Statement<[number, number], StoredMention>;
  private readonly update: Statement<[Language, SentimentLabel, number, number, number]>;

  constructor(
    private readonly db: Db,
    private readonly analyzer: WorkspaceAnalyzer,
  ) {
    this.newestId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck();
    this.range = db.prepare(
      `SELECT id, text, lang, reach, sentiment_label, sentiment_score, sentiment_override, priority
       FROM mentions WHERE id >= ? AND id <= ?`,
    );
    this.update = db.prepare(
      'UPDATE mentions SET lang = ?, sentiment_label = ?, sentiment_score = ?, priority = ? WHERE id = ?',
    );
  }

  /** Mentions with ids in [from, to] scored again; answers how many changed their automatic label. */
  rescoreRange(from: number, to: number): { mentions: number; relabelled: number } {
    return this.db.transaction(() => {
      let mentions = 0;
      let relabelled = 0;
      for (const m of this.range.all(from, to)) {
        mentions += 1;
        const { lang, sentiment } = this.analyzer.analyze(m.text, m.lang);
        const priority = prioritize({
          text: m.text,
          lang: m.lang ?? lang,
          sentiment: m.sentiment_override ?? sentiment.label,
          sentimentScore: sentiment.score,
          reach: m.reach,
        }).score;
        const same =
          m.sentiment_label === sentiment.label && m.sentiment_score === sentiment.score && m.priority === priority;
        if (same && m.lang !== null) continue;
        if (m.sentiment_label !== sentiment.label) relabelled += 1;
        this.update.run(m.lang ?? lang, sentiment.label, sentiment.score, priority, m.id);
      }
      return { mentions, relabelled };
    })();
  }

  /** The job's work: every mention, newest first; starts over when `restart` says the lexicon changed again. */
  async rescoreAll(control: JobControl, restart: () => boolean): Promise<JobOutcome> {
    const top = this.newestId.get() ?? 0;
    const pacer = new ChunkPacer(1000);
    let mentions = 0;
    let relabelled = 0;
    control.progress(0, top);
    for (let to = top; to >= 1;) {
      if (restart()) return null;
      const from = Math.max(1, to - pacer.size + 1);
      const started = performance.now();
      const done = this.rescoreRange(from, to);
      pacer.took(performance.now() - started);
      mentions += done.mentions;
      relabelled += done.relabelled;
      control.progress(top - from + 1, top);
      to = from - 1;
      await control.checkpoint();
    }
    return {
      message: `${mentions.toLocaleString('en-GB')} mentions re-scored, ${relabelled.toLocaleString('en-GB')} got another label`,
      result: { mentions, relabelled },
    };
  }
}
