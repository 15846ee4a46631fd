import { z } from 'zod';
import { decodeFeed } from '../formats/feed-decode';
import { feedEntryMention, readFeed } from '../formats/rss';
import type { ParsedMention, Reject } from '../formats/types';
import { SourceError } from './errors';
import { httpCall } from './http';
import { baseConfig, httpUrl, type Connector, type PollContext, type PollResult } from './types';

export const RssConfig = baseConfig.extend({
  /** The feed's address: a news site, a blog, a civic forum, a Google Alerts feed. */
  url: httpUrl,
  /** A civic forum's posts count as `forum`, everything else as `rss`. */
  channel: z.enum(['rss', 'forum']).default('rss'),
});
export type RssConfig = z.infer<typeof RssConfig>;

/** The validators of the last answer, sent back so an unchanged feed costs a 304 and nothing more. */
export const RssCursor = z.object({ etag: z.string().optional(), lastModified: z.string().optional() });
export type RssCursor = z.infer<typeof RssCursor>;

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

/** RSS 2.0 / Atom / RDF polling with conditional GET (ETag, If-Modified-Since). */
export const rssConnector: Connector<RssConfig, RssCursor> = {
  kind: 'rss',
  channel: 'rss',
  configSchema: RssConfig,
  cursorSchema: RssCursor,
  secretFields: [],
  defaultIntervalSeconds: 900,
  poll: pollFeed,
};

async function pollFeed(config: RssConfig, cursor: RssCursor | null, ctx: PollContext): Promise<PollResult<RssCursor>> {
  const url = new URL(config.url);
  const headers: Record<string, string> = { accept: ACCEPT };
  if (cursor?.etag) headers['if-none-match'] = cursor.etag;
  if (cursor?.lastModified) headers['if-modified-since'] = cursor.lastModified;
  const answer = await httpCall(ctx, { url, headers, accept: [304] });
  if (answer.status === 304) return { mentions: [], rejects: [], cursor, notModified: true };

  const etag = answer.headers.get('etag') ?? undefined;
  const lastModified = answer.headers.get('last-modified') ?? undefined;
  const next = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  let feed: ReturnType<typeof readFeed>;
  try {
    feed = readFeed(decodeFeed(answer.body).text, config.url);
  } catch (err) {
    throw new SourceError('bad_response', err instanceof Error ? err.message : String(err));
  }
  // A feed with no entries yet is not a problem.
  if (!feed) return { mentions: [], rejects: [], cursor: next };
  const fetchedAt = ctx.now();
  const mentions: ParsedMention[] = [];
  const rejects: Reject[] = [];
  for (const [index, item] of feed.items.entries()) {
    const outcome = feedEntryMention(feed, item, { unit: 'entry', no: index + 1 }, fetchedAt);
    if ('mention' in outcome) mentions.push({ ...outcome.mention, channel: config.channel });
    else rejects.push({ recordNo: index + 1, raw: JSON.stringify(item.toJSON()), ...outcome });
  }
  return { mentions, rejects, cursor: next };
}
