import { z } from 'zod';
import type { ParsedMention, Reject } from '../formats/types';
import { asObject, asText } from '../formats/values';
import { openSecret } from './config';
import { BlueskySession, isExpired, StoredSession } from './bluesky-session';
import { SourceError } from './errors';
import { blueskyFormat } from '../formats/bluesky';
import { mapPage } from './format-adapter';
import { httpJson } from './http';
import { baseConfig, httpUrl, sealedSecrets, type Connector, type PollContext, type PollResult } from './types';

export const BLUESKY_SERVICE = 'https://bsky.social';
/** searchPosts' largest page. */
export const BLUESKY_PAGE = 100;
/** Posts reach the search index a little late: each poll looks this far back past the newest post it had. */
const INDEX_DELAY_MS = 10 * 60_000;

export const BlueskyConfig = baseConfig.extend({
  /** The account's PDS (or the bsky.social entryway); it proxies search to the AppView. */
  service: httpUrl.default(BLUESKY_SERVICE),
  /** Handle, DID or e-mail address the app password belongs to. */
  identifier: z.string().trim().min(1),
  /** Lucene-style search as Bluesky understands it: words, "phrases", #tags, from:handle. */
  query: z.string().trim().min(1),
  /** Only posts in this language (e.g. `nl`). */
  lang: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}$/, 'must be a language code like nl')
    .optional(),
  /** Pages of 100 read per poll; the rest waits for the next poll. */
  maxPages: z.number().int().min(1).max(50).default(5),
  secrets: sealedSecrets(['appPassword']).default({}),
});
export type BlueskyConfig = z.infer<typeof BlueskyConfig>;

export const BlueskyCursor = z.object({
  /** Newest post time seen (ISO); the next poll searches `since` a little before it. */
  newest: z.string().nullable(),
  /** A catch-up cut short by maxPages: the page cursor to go on from, for the same `since`. */
  pending: z.object({ cursor: z.string(), since: z.string().nullable(), newest: z.string().nullable() }).optional(),
  session: StoredSession.optional(),
});
export type BlueskyCursor = z.infer<typeof BlueskyCursor>;

/** `app.bsky.feed.searchPosts` (latest first) with an app-password session. */
export const blueskyConnector: Connector<BlueskyConfig, BlueskyCursor> = {
  kind: 'bluesky',
  channel: 'bluesky',
  configSchema: BlueskyConfig,
  cursorSchema: BlueskyCursor,
  secretFields: ['appPassword'],
  defaultIntervalSeconds: 120,
  poll: pollBluesky,
};

async function pollBluesky(
  config: BlueskyConfig,
  cursor: BlueskyCursor | null,
  ctx: PollContext,
): Promise<PollResult<BlueskyCursor>> {
  const appPassword = openSecret(ctx.box, config.secrets, 'appPassword', 'Bluesky app password');
  const session = new BlueskySession(config.service, config.identifier, appPassword, cursor?.session, ctx);
  const since = cursor?.pending ? cursor.pending.since : cursor?.newest ? sinceFor(cursor.newest) : null;
  let newest = cursor?.pending ? cursor.pending.newest : (cursor?.newest ?? null);
  let pageCursor = cursor?.pending?.cursor;
  const mentions: ParsedMention[] = [];
  const rejects: Reject[] = [];
  for (let page = 1; ; page++) {
    const answer = asObject(await search(config, session, since, pageCursor, ctx));
    const posts = answer?.posts;
    if (!Array.isArray(posts))
      throw new SourceError('bad_response', 'the answer was not a Bluesky search result (no posts)');
    const mapped = await mapPage(
      blueskyFormat,
      { posts },
      `Bluesky search '${config.query}'`,
      mentions.length + rejects.length,
      ctx.now(),
    );
    mentions.push(...mapped.mentions);
    rejects.push(...mapped.rejects);
    for (const post of posts) {
      const at = sortAt(post);
      if (at && (!newest || Date.parse(at) > Date.parse(newest))) newest = at;
    }
    pageCursor = asText(answer?.cursor) ?? undefined;
    const done = !pageCursor || posts.length === 0 || !cursor;
    if (done) return { mentions, rejects, cursor: { newest, session: session.sealed() } };
    if (page >= config.maxPages) {
      return {
        mentions,
        rejects,
        cursor: { newest: cursor.newest, pending: { cursor: pageCursor!, since, newest }, session: session.sealed() },
      };
    }
  }
}

async function search(
  config: BlueskyConfig,
  session: BlueskySession,
  since: string | null,
  pageCursor: string | undefined,
  ctx: PollContext,
): Promise<unknown> {
  const url = new URL(`${config.service}/xrpc/app.bsky.feed.searchPosts`);
  url.searchParams.set('q', config.query);
  url.searchParams.set('sort', 'latest');
  url.searchParams.set('limit', String(BLUESKY_PAGE));
  if (since) url.searchParams.set('since', since);
  if (config.lang) url.searchParams.set('lang', config.lang);
  if (pageCursor) url.searchParams.set('cursor', pageCursor);
  const call = async (token: string) =>
    httpJson(ctx, { url, headers: { authorization: `Bearer ${token}` } }, 'the search');
  try {
    return await call(await session.accessToken());
  } catch (err) {
    if (!isExpired(err)) throw err;
    return call(await session.renew());
  }
}

function sinceFor(newest: string): string {
  return new Date(Date.parse(newest) - INDEX_DELAY_MS).toISOString();
}

/** The time search sorts and filters on: the earlier of createdAt and indexedAt (a post cannot claim the future). */
function sortAt(post: unknown): string | null {
  const view = asObject(post);
  const times = [asText(asObject(view?.record)?.createdAt), asText(view?.indexedAt)]
    .filter((t): t is string => t !== null && !Number.isNaN(Date.parse(t)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return times[0] ?? null;
}
