import { createHash } from 'node:crypto';
import type { Db } from '../store/db';
import type { Channel, Language, SentimentLabel } from '../../../shared/domain/mention';
import { canonicalUrl } from './url';

/** A normalized mention as every format, connector and the demo produce it, before it is stored. */
export interface NewMention {
  sourceId: number;
  channel: Channel;
  externalId: string;
  url: string | null;
  author: NewAuthor | null;
  text: string;
  lang: Language | null;
  /** Milliseconds since the epoch, UTC. */
  createdAt: number;
  fetchedAt: number;
  parentExternalId: string | null;
  conversationId: string | null;
  reach: number;
  geo: string | null;
  sentiment: { label: SentimentLabel; score: number } | null;
  priority: number;
  status?: 'new' | 'open' | 'waiting' | 'resolved' | 'archived';
  assignee?: string | null;
  /** The original record, kept so nothing of the source is lost. Stored as JSON text. */
  raw: string | null;
}

export interface NewAuthor {
  handle: string;
  displayName: string | null;
  followers: number;
  location: string | null;
}

export interface WriteCounts {
  inserted: number;
  duplicates: number;
}

/** Stable pseudonym for an author, so reports can name nobody and still tell authors apart. */
export function pseudonymFor(channel: string, handle: string): string {
  const digest = createHash('sha256').update(`${channel}:${handle.toLowerCase()}`).digest('hex');
  return `auteur-${digest.slice(0, 8)}`;
}

/**
 * Writes batches of mentions. Statements are prepared once; author ids are cached, so a large
 * import touches the authors table once per author. Call `write` inside a transaction.
 */
export class MentionWriter {
  private readonly upsertAuthor;
  private readonly insertMention;
  private readonly authorIds = new Map<string, number>();

  constructor(private readonly db: Db) {
    this.upsertAuthor = db.prepare<[string, string, string | null, number, string | null, string], { id: number }>(
      `INSERT INTO authors (channel, handle, display_name, followers, location, pseudonym)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel, handle) DO UPDATE SET
         display_name = coalesce(excluded.display_name, display_name),
         followers = max(followers, excluded.followers),
         location = coalesce(excluded.location, location)
       RETURNING id`,
    );
    this.insertMention = db.prepare(
      `INSERT INTO mentions (source_id, channel, external_id, url, url_key, author_id, text, lang, created_at, fetched_at,
         parent_external_id, conversation_id, reach, geo, sentiment_label, sentiment_score, status, assignee,
         priority, raw)
       VALUES (@sourceId, @channel, @externalId, @url, @urlKey, @authorId, @text, @lang, @createdAt, @fetchedAt,
         @parentExternalId, @conversationId, @reach, @geo, @sentimentLabel, @sentimentScore, @status, @assignee,
         @priority, @raw)
       ON CONFLICT DO NOTHING`,
    );
  }

  /**
   * Inserts what is new; a mention already stored — same channel and external id, or the same
   * canonical post URL — counts as a duplicate.
   */
  write(batch: readonly NewMention[]): WriteCounts {
    let inserted = 0;
    for (const mention of batch) {
      const authorId = mention.author ? this.authorId(mention.channel, mention.author) : null;
      const result = this.insertMention.run({
        sourceId: mention.sourceId,
        channel: mention.channel,
        externalId: mention.externalId,
        url: mention.url,
        urlKey: canonicalUrl(mention.url),
        authorId,
        text: mention.text,
        lang: mention.lang,
        createdAt: mention.createdAt,
        fetchedAt: mention.fetchedAt,
        parentExternalId: mention.parentExternalId,
        conversationId: mention.conversationId,
        reach: mention.reach,
        geo: mention.geo,
        sentimentLabel: mention.sentiment?.label ?? null,
        sentimentScore: mention.sentiment?.score ?? null,
        status: mention.status ?? 'new',
        assignee: mention.assignee ?? null,
        priority: mention.priority,
        raw: mention.raw,
      });
      inserted += result.changes;
    }
    return { inserted, duplicates: batch.length - inserted };
  }

  private authorId(channel: string, author: NewAuthor): number {
    const key = `${channel}\u0000${author.handle}`;
    const known = this.authorIds.get(key);
    if (known !== undefined) return known;
    const row = this.upsertAuthor.get(
      channel,
      author.handle,
      author.displayName,
      author.followers,
      author.location,
      pseudonymFor(channel, author.handle),
    );
    if (!row) throw new Error(`author ${author.handle} on ${channel} could not be stored`);
    this.authorIds.set(key, row.id);
    return row.id;
  }
}

/** Finds or creates the source a batch belongs to (e.g. the demo, a file import, a connector). */
export function ensureSource(db: Db, kind: string, name: string, config: object = {}): number {
  const row = db
    .prepare<[string, string, string, number], { id: number }>(
      `INSERT INTO sources (kind, name, config, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, name) DO UPDATE SET kind = excluded.kind
       RETURNING id`,
    )
    .get(kind, name, JSON.stringify(config), Date.now());
  if (!row) throw new Error(`source ${kind}/${name} could not be stored`);
  return row.id;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM workspace_meta WHERE key = ?').get(key);
  return row?.value ?? null;
}
