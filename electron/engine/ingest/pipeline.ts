import type { Statement } from 'better-sqlite3';
import type { Language, SentimentLabel } from '../../../shared/domain/mention';
import type { AnalyzerOptions } from '../analysis/index';
import type { EventSink } from '../events';
import { prioritize } from '../enrich/priority';
import { MentionWriter, setMeta, type NewMention } from '../mentions/write';
import type { Db } from '../store/db';
import type { ParsedBatch, Reject } from './formats/types';

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
 * How the pipeline's `analyze` can be rebuilt in another thread (the import's worker, enrich-worker.ts):
 * the analyzer's own options (workspace lexicon, adaptive model), or one fixed answer (benchmarks and tests
 * that import without enrichment). Plain data, so it survives the trip to a worker.
 */
export type EnrichmentSpec = { analyzer: AnalyzerOptions } | { fixed: ReturnType<Analyze> };

/** Adds the source, language, sentiment and priority to a parsed mention: the same in every thread. */
export function enrichMention(
  analyze: Analyze,
  origin: Pick<IngestOrigin, 'sourceId'>,
  parsed: ParsedBatch['mentions'][number],
): NewMention {
  const analysis = analyze(parsed.text);
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
  private readonly afterStore: { step: AfterStore; bulk: boolean }[] = [];

  constructor(
    private readonly db: Db,
    private readonly events: EventSink,
    private readonly analyze: Analyze,
    /** The same `analyze` as data, read when an import starts; without it imports enrich in the engine's thread. */
    private readonly spec: (() => EnrichmentSpec) | null = null,
  ) {
    this.writer = new MentionWriter(db);
    this.keepReject = db.prepare(
      `INSERT INTO rejected_records (source_id, file, record_no, raw, reason, code, params, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_id, file, record_no) DO UPDATE SET raw = excluded.raw, reason = excluded.reason,
         code = excluded.code, params = excluded.params, created_at = excluded.created_at`,
    );
    this.newestId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck();
  }

  /**
   * Adds a step that runs on every stored batch's new mentions, inside its transaction. A bulk import that
   * builds its indexes at the end (import-files.ts) skips the steps while it writes: a `bulk` step then runs
   * once over all its mentions, in the transaction that completes the full text (before the rollups are
   * rebuilt); any other step must catch up by itself (the trend indexer does, by its cursor).
   */
  onStored(step: AfterStore, options: { bulk?: boolean } = {}): void {
    this.afterStore.push({ step, bulk: options.bulk ?? false });
  }

  /** What a worker thread needs to enrich exactly as `enrich` does now; null when it cannot. */
  enrichment(): EnrichmentSpec | null {
    return this.spec?.() ?? null;
  }

  enrich(origin: IngestOrigin, parsed: ParsedBatch['mentions'][number]): NewMention {
    return enrichMention(this.analyze, origin, parsed);
  }

  store(origin: IngestOrigin, batch: ParsedBatch): IngestCounts {
    const mentions = batch.mentions.map((parsed) => this.enrich(origin, parsed));
    const written = this.commit(origin, mentions, batch.rejects);
    this.announce(written.imported, written.newestAt);
    return { imported: written.imported, duplicates: written.duplicates, rejected: written.rejected };
  }

  /**
   * Stores enriched mentions and rejects in one transaction, without telling anyone (`announce` does).
   * `afterStore: false` leaves the steps on new mentions (topic tags, trend terms) for later: a bulk import
   * with deferred indexes (see `onStored`). Answers the counts and the newest
   * creation time among the mentions (ms, 0 when none).
   */
  commit(
    origin: IngestOrigin,
    mentions: readonly NewMention[],
    rejects: readonly Reject[],
    options: { afterStore?: boolean } = {},
  ): IngestCounts & { newestAt: number } {
    const now = Date.now();
    const counts = this.db.transaction(() => {
      const afterId = this.newestId.get() ?? 0;
      const written = this.writer.write(mentions);
      // New rows get ids above the newest, so the batch's mentions are exactly (afterId, upToId].
      if (written.inserted > 0 && options.afterStore !== false) {
        const upToId = this.newestId.get() ?? afterId;
        this.runAfterStore({ afterId, upToId });
      }
      for (const reject of rejects) {
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
      return { imported: written.inserted, duplicates: written.duplicates, rejected: rejects.length };
    })();
    let newestAt = 0;
    if (counts.imported > 0)
      for (const mention of mentions) if (mention.createdAt > newestAt) newestAt = mention.createdAt;
    return { ...counts, newestAt };
  }

  /**
   * The steps on stored mentions (`onStored`) for the ids (afterId, upToId]; `bulkOnly`: only the `bulk` ones.
   * Call inside a transaction.
   */
  runAfterStore(added: { afterId: number; upToId: number }, options: { bulkOnly?: boolean } = {}): void {
    for (const { step, bulk } of this.afterStore) if (bulk || !options.bulkOnly) step(added);
  }

  /** Tells the doors that mentions arrived (`newestAt`: ms, 0 when unknown). */
  announce(count: number, newestAt: number): void {
    if (count <= 0) return;
    this.events.emit('mentions.added', { count, newestAt: newestAt ? new Date(newestAt).toISOString() : null });
  }
}
