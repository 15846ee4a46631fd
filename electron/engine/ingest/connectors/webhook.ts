import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { WatchpostError } from '../../../../shared/api/result';
import { Channel } from '../../../../shared/domain/mention';
import type { Db } from '../../store/db';
import { parseTime } from '../formats/dates';
import { rejectReason, timeReason } from '../formats/reject-reason';
import type { ParsedMention, Reject } from '../formats/types';
import { quote } from '../formats/values';

/** More in one request is refused as a whole: the sender should split it. */
export const MAX_WEBHOOK_MENTIONS = 1000;

/** One mention as another tool pushes it to `POST /ingest/<source-token>`. */
export const WebhookMention = z.object({
  id: z.union([z.string().trim().min(1).max(200), z.number().int().nonnegative()]).transform(String),
  text: z.string().trim().min(1).max(20_000),
  author: z
    .union([
      z.string().trim().min(1).max(200),
      z.object({
        handle: z.string().trim().min(1).max(200),
        name: z.string().max(200).optional(),
        followers: z.number().int().nonnegative().optional(),
      }),
    ])
    .optional(),
  created_at: z.union([z.string(), z.number()]).optional(),
  url: z
    .string()
    .trim()
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an http(s) address')
    .optional(),
  channel: Channel.optional(),
});
export type WebhookMention = z.infer<typeof WebhookMention>;

export interface WebhookSource {
  id: number;
  name: string;
}

export interface AcceptedWebhook {
  sourceId: number;
  mentions: ParsedMention[];
  rejects: Reject[];
}

/** A new secret token for a webhook source; only its hash is stored (config `{ tokenHash }`). */
export function createWebhookToken(): { token: string; config: { tokenHash: string } } {
  const token = randomBytes(24).toString('base64url');
  return { token, config: { tokenHash: hashToken(token) } };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The webhook source a token belongs to, or null. */
export function findWebhookSource(db: Db, token: string): (WebhookSource & { paused: boolean }) | null {
  const row = db
    .prepare<[string], { id: number; name: string; paused: number }>(
      `SELECT id, name, paused FROM sources WHERE kind = 'webhook' AND json_extract(config, '$.tokenHash') = ?`,
    )
    .get(hashToken(token));
  return row ? { id: row.id, name: row.name, paused: row.paused === 1 } : null;
}

/**
 * Checks a pushed request: the token must name an active webhook source; the body is
 * `{ "mentions": [...] }` or one mention. Each bad mention becomes a reject with its reason, so one
 * typo does not cost the whole batch. Throws `not_found` for an unknown token, `unavailable` for a
 * paused source, `invalid_input` for a body that is no mention list at all.
 */
export function acceptWebhook(db: Db, token: string, body: unknown, now = Date.now()): AcceptedWebhook {
  const source = findWebhookSource(db, token);
  if (!source)
    throw new WatchpostError('not_found', 'no webhook source has this token: copy the address from Settings → Sources');
  if (source.paused) throw new WatchpostError('unavailable', `the webhook source '${source.name}' is paused`);
  return { sourceId: source.id, ...parseWebhookBody(body, source.id, now) };
}

/** The validation alone, for a source already known. */
export function parseWebhookBody(
  body: unknown,
  sourceId: number,
  fetchedAt: number,
): Omit<AcceptedWebhook, 'sourceId'> {
  const records = recordsOf(body);
  const mentions: ParsedMention[] = [];
  const rejects: Reject[] = [];
  records.forEach((record, index) => {
    const recordNo = index + 1;
    const raw = JSON.stringify(record) ?? String(record);
    const place = { unit: 'mention', no: recordNo } as const;
    const parsed = WebhookMention.safeParse(record);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => fieldProblem(issue, record));
      const reason = `mention ${recordNo}: ${problems.join('; ')}`;
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')).filter(Boolean))];
      const why =
        fields.length === 0
          ? rejectReason('not_an_object', place, reason)
          : rejectReason('fields_invalid', place, reason, { field: fields.join(', '), detail: problems.join('; ') });
      rejects.push({ recordNo, raw, ...why });
      return;
    }
    const mention = parsed.data;
    let createdAt = fetchedAt;
    if (mention.created_at !== undefined) {
      const time = parseTime(mention.created_at);
      if (time === null) {
        const reason = `mention ${recordNo}: 'created_at' is not a date: ${quote(mention.created_at)}`;
        rejects.push({ recordNo, raw, ...timeReason(place, 'created_at', mention.created_at, reason) });
        return;
      }
      createdAt = time;
    }
    mentions.push(toParsedMention(mention, sourceId, createdAt, fetchedAt, raw));
  });
  return { mentions, rejects };
}

function recordsOf(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new WatchpostError(
      'invalid_input',
      'the body must be a JSON object: { "mentions": [ ... ] } or a single mention',
    );
  }
  const list = (body as { mentions?: unknown }).mentions;
  if (list === undefined) return [body];
  if (!Array.isArray(list)) throw new WatchpostError('invalid_input', "'mentions' must be a list of mentions");
  if (list.length > MAX_WEBHOOK_MENTIONS) {
    throw new WatchpostError(
      'invalid_input',
      `at most ${MAX_WEBHOOK_MENTIONS} mentions per request; this one has ${list.length}: split it`,
    );
  }
  return list;
}

function fieldProblem(issue: z.core.$ZodIssue, record: unknown): string {
  const field = issue.path.join('.');
  if (!field) return 'is not a JSON object';
  const present =
    typeof record === 'object' && record !== null && issue.path[0] !== undefined && issue.path[0] in record;
  return present ? `'${field}' ${issue.message.replace(/^Invalid input: /, '')}` : `'${field}' is missing`;
}

function toParsedMention(
  mention: WebhookMention,
  sourceId: number,
  createdAt: number,
  fetchedAt: number,
  raw: string,
): ParsedMention {
  const channel = mention.channel ?? 'webhook';
  const author = typeof mention.author === 'string' ? { handle: mention.author } : mention.author;
  return {
    channel,
    // Ids on the generic webhook channel are the sending tool's own: keep two tools' ids apart.
    externalId: channel === 'webhook' ? `wh${sourceId}:${mention.id}` : mention.id,
    url: mention.url ?? null,
    author: author
      ? {
          // Tools write handles as people do, '@melder'; the store keeps them bare, like every other format.
          handle: author.handle.replace(/^@/, ''),
          displayName: author.name ?? null,
          followers: author.followers ?? 0,
          location: null,
        }
      : null,
    text: mention.text,
    createdAt,
    fetchedAt,
    parentExternalId: null,
    conversationId: null,
    reach: author?.followers ?? 0,
    geo: null,
    raw,
  };
}
