import { z } from 'zod';
import type { ParsedMention, Reject } from '../formats/types';
import { asObject, asText } from '../formats/values';
import { openOptionalSecret } from './config';
import { SourceError } from './errors';
import { mastodonFormat } from '../formats/mastodon';
import { mapPage } from './format-adapter';
import { httpJson } from './http';
import { baseConfig, httpUrl, sealedSecrets, type Connector, type PollContext, type PollResult } from './types';

/** Mastodon's largest page for timelines and search. */
export const MASTODON_PAGE = 40;

export const MastodonConfig = baseConfig
  .extend({
    /** Any instance, e.g. https://mastodon.social. */
    instance: httpUrl,
    timeline: z.enum(['hashtag', 'search', 'account']),
    hashtag: z
      .string()
      .trim()
      .transform((tag) => tag.replace(/^#/, ''))
      .pipe(z.string().regex(/^[\p{L}\p{N}_]+$/u, 'must be one word, e.g. eindhoven'))
      .optional(),
    query: z.string().trim().min(1).optional(),
    /** `gemeente` on the instance itself, or `gemeente@other.social`. */
    account: z
      .string()
      .trim()
      .transform((acct) => acct.replace(/^@/, ''))
      .pipe(z.string().min(1))
      .optional(),
    /** Pages of 40 read per poll; the rest waits for the next poll. */
    maxPages: z.number().int().min(1).max(50).default(5),
    secrets: sealedSecrets(['accessToken']).default({}),
  })
  .superRefine((config, issues) => {
    const needs = { hashtag: 'hashtag', search: 'query', account: 'account' } as const;
    const field = needs[config.timeline];
    if (!config[field])
      issues.addIssue({ code: 'custom', path: [field], message: `is needed for a ${config.timeline} timeline` });
    if (config.timeline === 'search' && !config.secrets.accessToken) {
      issues.addIssue({
        code: 'custom',
        path: ['secrets', 'accessToken'],
        message: 'is needed to search statuses on Mastodon',
      });
    }
  });
export type MastodonConfig = z.infer<typeof MastodonConfig>;

export const MastodonCursor = z.object({
  /** The newest status id seen: the next poll asks for what came after it (`min_id`). */
  newestId: z.string().nullable(),
  /** The account timeline's account, looked up once by its handle. */
  account: z.object({ acct: z.string(), id: z.string() }).optional(),
});
export type MastodonCursor = z.infer<typeof MastodonCursor>;

/** Hashtag, search and account timelines on any Mastodon instance, paged forward with `min_id`. */
export const mastodonConnector: Connector<MastodonConfig, MastodonCursor> = {
  kind: 'mastodon',
  channel: 'mastodon',
  configSchema: MastodonConfig,
  cursorSchema: MastodonCursor,
  secretFields: ['accessToken'],
  defaultIntervalSeconds: 120,
  poll: pollMastodon,
};

async function pollMastodon(
  config: MastodonConfig,
  cursor: MastodonCursor | null,
  ctx: PollContext,
): Promise<PollResult<MastodonCursor>> {
  const token = openOptionalSecret(ctx.box, config.secrets, 'accessToken', 'Mastodon access token');
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const account = config.timeline === 'account' ? await lookupAccount(config, cursor, headers, ctx) : undefined;
  let newestId = cursor?.newestId ?? null;
  const mentions: ParsedMention[] = [];
  const rejects: Reject[] = [];
  for (let page = 1; page <= config.maxPages; page++) {
    const url = timelineUrl(config, account?.id);
    url.searchParams.set('limit', String(MASTODON_PAGE));
    // Without a cursor a new source starts from the newest page; after that, what came since.
    if (newestId) url.searchParams.set('min_id', newestId);
    const answer = await httpJson(ctx, { url, headers }, 'the timeline');
    const statuses = config.timeline === 'search' ? asObject(answer)?.statuses : answer;
    if (!Array.isArray(statuses))
      throw new SourceError('bad_response', `the answer from ${url.host} was not a list of statuses`);
    const mapped = await mapPage(
      mastodonFormat,
      statuses,
      `${url.host} ${config.timeline} timeline`,
      mentions.length + rejects.length,
      ctx.now(),
    );
    mentions.push(...mapped.mentions);
    rejects.push(...mapped.rejects);
    for (const status of statuses) {
      const id = asText(asObject(status)?.id);
      if (id && (!newestId || newerId(id, newestId))) newestId = id;
    }
    if (!cursor?.newestId || statuses.length < MASTODON_PAGE) break;
  }
  return { mentions, rejects, cursor: { newestId, ...(account ? { account } : {}) } };
}

function timelineUrl(config: MastodonConfig, accountId: string | undefined): URL {
  const base = config.instance;
  switch (config.timeline) {
    case 'hashtag':
      return new URL(`${base}/api/v1/timelines/tag/${encodeURIComponent(config.hashtag ?? '')}`);
    case 'account': {
      const url = new URL(`${base}/api/v1/accounts/${encodeURIComponent(accountId ?? '')}/statuses`);
      url.searchParams.set('exclude_reblogs', 'true');
      return url;
    }
    case 'search': {
      const url = new URL(`${base}/api/v2/search`);
      url.searchParams.set('q', config.query ?? '');
      url.searchParams.set('type', 'statuses');
      url.searchParams.set('resolve', 'false');
      return url;
    }
  }
}

async function lookupAccount(
  config: MastodonConfig,
  cursor: MastodonCursor | null,
  headers: Record<string, string>,
  ctx: PollContext,
): Promise<{ acct: string; id: string }> {
  const acct = config.account ?? '';
  if (cursor?.account?.acct === acct) return cursor.account;
  const url = new URL(`${config.instance}/api/v1/accounts/lookup`);
  url.searchParams.set('acct', acct);
  try {
    const id = asText(asObject(await httpJson(ctx, { url, headers }, 'the account'))?.id);
    if (!id) throw new SourceError('bad_response', `${url.host} answered the account lookup without an id`);
    return { acct, id };
  } catch (err) {
    if (err instanceof SourceError && err.kind === 'not_found') {
      throw new SourceError(
        'config',
        `${url.host} knows no account @${acct}: check the account in the source's settings`,
      );
    }
    throw err;
  }
}

/** Mastodon ids are numbers too large for a double, written as text: compare them as such. */
export function newerId(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}
