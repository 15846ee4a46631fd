import type { Statement } from 'better-sqlite3';
import type { Language, SentimentLabel } from '../../../shared/domain/mention';
import type { EventSink } from '../events';
import { prioritize } from '../enrich/priority';
import { MentionWriter, setMeta, type NewMention } from '../mentions/write';
import type { Db } from '../store/db';
import type { ParsedBatch } from './formats/types';

/** Language and sentiment for one text; the analysis module provides it, tests may pass their own. */
export type Analyze = (
  text: string,
  langHint?: Language | null,
) => { lang: Language; sentiment: { label: SentimentLabel; score: number } };

export interface IngestOrigin {
  sourceId: number;
  /** The file a batch came from (rejects name it), or null for connectors and webhooks. */
  file: string | null;
}

/** Work that belongs to storing mentions (tagging topics): runs in the batch's transaction on the ids it added. */
export type AfterStore = (added: { afterId: number; upToId: number }) => void;

export interface IngestCounts {
  imported: number;
  duplicates: number;
  rejected: number;
}

/**
 * parse → normalize → dedupe → enrich → store. One batch is one transaction: its mentions and its
 * rejects commit together or not at all, so a crash loses at most the batch in flight and running
 * the same input again adds exactly what is missing.
 */
export class IngestPipeline {
  private readonly writer: MentionWriter;
  private readonly keepReject: Statement<
    [number, string | null, number, string, string, string | null, string | null, number]
  >;
  private readonly newestId: Statement<[], number>;
  private readonly afterStore: AfterStore[] = [];

  constructor(
    private readonly db: Db,
    private readonly events: EventSink,
    private readonly analyze: Analyze,
  ) {
    this.writer = new MentionWriter(db);
    this.keepReject = db.prepare(
      `INSERT INTO rejected_records (source_id, file, record_no, raw, reason, code, params, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_id, file, record_no) DO UPDATE SET raw = excluded.raw, reason = excluded.reason,
         code = excluded.code, params = excluded.params, created_at = excluded.created_at`,
    );
    this.newestId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck();
  }

  /** Adds a step that runs on every stored batch's new mentions, inside its transaction. */
  onStored(step: AfterStore): void {
    this.afterStore.push(step);
  }

  enrich(origin: IngestOrigin, parsed: ParsedBatch['mentions'][number]): NewMention {
    const analysis = this.analyze(parsed.text);
    const priority = prioritize({
      text: parsed.text,
      lang: analysis.lang,
      sentiment: analysis.sentiment.label,
      sentimentScore: analysis.sentiment.score,
      reach: parsed.reach,
    });
    return {
      ...parsed,
      sourceId: origin.sourceId,
      lang: analysis.lang,
      sentiment: analysis.sentiment,
      priority: priority.score,
    };
  }

  store(origin: IngestOrigin, batch: ParsedBatch): IngestCounts {
    const mentions = batch.mentions.map((parsed) => this.enrich(origin, parsed));
    const now = Date.now();
    const counts = this.db.transaction(() => {
      const afterId = this.newestId.get() ?? 0;
      const written = this.writer.write(mentions);
      // New rows get ids above the newest, so the batch's mentions are exactly (afterId, upToId].
      if (written.inserted > 0) {
        const upToId = this.newestId.get() ?? afterId;
        for (const step of this.afterStore) step({ afterId, upToId });
      }
      for (const reject of batch.rejects) {
        const params = reject.params ? JSON.stringify(reject.params) : null;
        this.keepReject.run(
          origin.sourceId,
          origin.file,
          reject.recordNo,
          reject.raw,
          reject.reason,
          reject.code ?? null,
          params,
          now,
        );
      }
      if (written.inserted > 0) setMeta(this.db, 'last_ingest_at', String(now));
      return { imported: written.inserted, duplicates: written.duplicates, rejected: batch.rejects.length };
    })();
    if (counts.imported > 0) {
      const newest = mentions.reduce((max, mention) => Math.max(max, mention.createdAt), 0);
      this.events.emit('mentions.added', {
        count: counts.imported,
        newestAt: newest ? new Date(newest).toISOString() : null,
      });
    }
    return counts;
  }
}
