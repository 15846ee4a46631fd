import { z } from 'zod';
import type { ParsedMention, Reject } from '../formats/types';
import { asArray, asObject, asText } from '../formats/values';
import { openSecret } from './config';
import { SourceError } from './errors';
import { httpJson } from './http';
import { baseConfig, httpUrl, sealedSecrets, type Connector, type PollContext, type PollResult } from './types';
import { placeText, rejectReason, timeReason, type RecordPlace, type RejectReason } from '../formats/reject-reason';

export const YOUTUBE_API_ROOT = 'https://www.googleapis.com/youtube/v3';

export const YouTubeConfig = baseConfig
  .extend({
    /** Comments on every video of the organisation's channel (`UC…`), or on one video. */
    channelId: z
      .string()
      .trim()
      .regex(/^UC[\w-]{22}$/, 'must be a channel id like UCxxxxxxxxxxxxxxxxxxxxxx')
      .optional(),
    videoId: z
      .string()
      .trim()
      .regex(/^[\w-]{11}$/, 'must be an 11-character video id')
      .optional(),
    apiRoot: httpUrl.default(YOUTUBE_API_ROOT),
    /** Pages of up to 100 threads read per poll; the rest waits for the next poll. */
    maxPages: z.number().int().min(1).max(50).default(5),
    secrets: sealedSecrets(['apiKey']).default({}),
  })
  .refine((config) => Boolean(config.channelId) !== Boolean(config.videoId), 'set either channelId or videoId');
export type YouTubeConfig = z.infer<typeof YouTubeConfig>;

export const YouTubeCursor = z.object({
  /** publishedAt of the newest top-level comment seen. */
  newest: z.string().nullable(),
  /** A catch-up cut short by maxPages: where to go on, and where to stop. */
  pending: z.object({ pageToken: z.string(), newest: z.string().nullable(), stopAt: z.string().nullable() }).optional(),
});
export type YouTubeCursor = z.infer<typeof YouTubeCursor>;

/** YouTube Data API v3 `commentThreads.list`, newest first, with an API key. */
export const youtubeConnector: Connector<YouTubeConfig, YouTubeCursor> = {
  kind: 'youtube',
  channel: 'youtube',
  configSchema: YouTubeConfig,
  cursorSchema: YouTubeCursor,
  secretFields: ['apiKey'],
  // Each page costs one unit of a 10,000-unit daily quota: every 15 minutes is a fair pace.
  defaultIntervalSeconds: 900,
  poll: pollYouTube,
};

async function pollYouTube(
  config: YouTubeConfig,
  cursor: YouTubeCursor | null,
  ctx: PollContext,
): Promise<PollResult<YouTubeCursor>> {
  const apiKey = openSecret(ctx.box, config.secrets, 'apiKey', 'YouTube API key');
  const stopAt = cursor?.pending ? cursor.pending.stopAt : (cursor?.newest ?? null);
  let newest = cursor?.pending ? cursor.pending.newest : (cursor?.newest ?? null);
  let pageToken = cursor?.pending?.pageToken;
  const mentions: ParsedMention[] = [];
  const rejects: Reject[] = [];
  for (let page = 1; ; page++) {
    const list = asObject(await fetchPage(config, apiKey, pageToken, ctx));
    if (!list || list.kind !== 'youtube#commentThreadListResponse') {
      throw new SourceError('bad_response', 'the answer was not a YouTube comment thread list');
    }
    let reachedSeen = false;
    for (const item of asArray(list.items)) {
      const publishedAt = threadTime(item);
      if (publishedAt && (!newest || later(publishedAt, newest))) newest = publishedAt;
      if (publishedAt && stopAt && later(stopAt, publishedAt)) reachedSeen = true;
      threadMentions(item, mentions.length + rejects.length + 1, ctx.now(), mentions, rejects);
    }
    pageToken = asText(list.nextPageToken) ?? undefined;
    // A new source starts with the newest page only; afterwards page back until the last comment seen.
    if (!pageToken || reachedSeen || !cursor) return { mentions, rejects, cursor: { newest } };
    if (page >= config.maxPages) {
      return { mentions, rejects, cursor: { newest: cursor.newest, pending: { pageToken, newest, stopAt } } };
    }
  }
}

async function fetchPage(
  config: YouTubeConfig,
  apiKey: string,
  pageToken: string | undefined,
  ctx: PollContext,
): Promise<unknown> {
  const url = new URL(`${config.apiRoot}/commentThreads`);
  url.searchParams.set('part', 'snippet,replies');
  if (config.channelId) url.searchParams.set('allThreadsRelatedToChannelId', config.channelId);
  if (config.videoId) url.searchParams.set('videoId', config.videoId);
  url.searchParams.set('order', 'time');
  url.searchParams.set('textFormat', 'plainText');
  url.searchParams.set('maxResults', '100');
  if (pageToken) url.searchParams.set('pageToken', pageToken);
  url.searchParams.set('key', apiKey);
  try {
    return await httpJson(ctx, { url }, 'the comment list');
  } catch (err) {
    throw explain(err, ctx.now());
  }
}

/** Google's error reasons, in the words an operator needs. */
function explain(err: unknown, now: number): unknown {
  if (!(err instanceof SourceError)) return err;
  const google = asObject(asObject(err.details.body)?.error);
  const reason = asText(asObject(asArray(google?.errors)[0])?.reason) ?? '';
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') {
    return new SourceError(
      'rate_limited',
      'YouTube says the daily quota of this API key is used up (it resets at midnight Pacific time)',
      {
        ...err.details,
        retryAfterMs: msUntilPacificMidnight(now),
      },
    );
  }
  if (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded') {
    return new SourceError('rate_limited', 'YouTube says too many requests were sent with this API key', err.details);
  }
  if (reason === 'commentsDisabled')
    return new SourceError('rejected', 'comments are turned off for this video', err.details);
  if (err.details.status === 400 && /API key not valid/i.test(asText(google?.message) ?? '')) {
    return new SourceError('auth', "YouTube refused the API key: check it in the source's settings", err.details);
  }
  return err;
}

function msUntilPacificMidnight(now: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (24 * 3600 - (part('hour') * 3600 + part('minute') * 60 + part('second'))) * 1000;
}

function later(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

function threadTime(thread: unknown): string | null {
  return asText(asObject(asObject(asObject(asObject(thread)?.snippet)?.topLevelComment)?.snippet)?.publishedAt);
}

/** The top-level comment and the replies that came along with it, as mentions of one conversation. */
function threadMentions(
  thread: unknown,
  recordNo: number,
  fetchedAt: number,
  mentions: ParsedMention[],
  rejects: Reject[],
): void {
  const object = asObject(thread);
  const threadId = asText(object?.id);
  const comments = [asObject(object?.snippet)?.topLevelComment, ...asArray(asObject(object?.replies)?.comments)];
  for (const comment of comments) {
    const mention = commentMention(comment, threadId, fetchedAt, { unit: 'comment_thread', no: recordNo });
    if ('reason' in mention) rejects.push({ recordNo, raw: JSON.stringify(comment) ?? 'null', ...mention });
    else mentions.push(mention);
  }
}

/** A `youtube#comment` as a mention, or why it cannot be one (`place`: the thread it came in). */
export function commentMention(
  comment: unknown,
  threadId: string | null,
  fetchedAt: number,
  place: RecordPlace,
): ParsedMention | RejectReason {
  const object = asObject(comment);
  const snippet = asObject(object?.snippet);
  const id = asText(object?.id);
  const text = asText(snippet?.textOriginal) ?? asText(snippet?.textDisplay);
  const publishedAt = Date.parse(asText(snippet?.publishedAt) ?? '');
  const label = placeText(place);
  if (!id)
    return rejectReason('id_missing', place, `${label}: the comment has no id`, { field: 'id', fieldKind: 'field' });
  if (!text) return rejectReason('content_missing', place, `${label}: comment ${id} has no text`, { id });
  if (Number.isNaN(publishedAt)) {
    const why = timeReason(
      place,
      'publishedAt',
      snippet?.publishedAt,
      `${label}: comment ${id} has no readable publishedAt`,
    );
    return { ...why, params: { ...why.params, id } };
  }
  const videoId = asText(snippet?.videoId);
  const authorName = asText(snippet?.authorDisplayName);
  return {
    channel: 'youtube',
    externalId: id,
    url: videoId ? `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(id)}` : null,
    author: authorName ? { handle: authorName, displayName: authorName, followers: 0, location: null } : null,
    text,
    createdAt: publishedAt,
    fetchedAt,
    parentExternalId: asText(snippet?.parentId),
    conversationId: threadId,
    // A commenter's audience is unknown to the API (likes are not reach).
    reach: 0,
    geo: null,
    raw: JSON.stringify(comment),
  };
}
