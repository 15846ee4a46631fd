import { createHash } from 'node:crypto';
import { asObject, asText } from '../ingest/formats/values';
import { BlueskySession, isExpired, StoredSession } from '../ingest/connectors/bluesky-session';
import { blueskyConnector, type BlueskyConfig } from '../ingest/connectors/bluesky';
import { openSecret } from '../ingest/connectors/config';
import { SourceError } from '../ingest/connectors/errors';
import { httpJson } from '../ingest/connectors/http';
import { mastodonConnector, type MastodonConfig } from '../ingest/connectors/mastodon';
import type { PollContext } from '../ingest/connectors/types';

/**
 * Posting a reply through the channel's API, with the credentials of the live source the mention came in
 * through: Mastodon (`POST /api/v1/statuses` with `in_reply_to_id`) and Bluesky (`com.atproto.repo.createRecord`
 * with reply refs). Both are idempotent per reply: Mastodon gets the reply's `Idempotency-Key`, Bluesky a record
 * key derived from it, which a retry first looks up — so a reply that reached the channel is never posted twice.
 */

/** The source a mention came in through and the mention's stored payload. */
export interface ReplyTarget {
  sourceKind: string;
  sourceConfig: unknown;
  /** The source's cursor (Bluesky keeps its session there). */
  sourceCursor: unknown;
  mentionRaw: unknown;
  /**
   * Keeps a session the sender had to refresh or create (sealed) where the source keeps it, at once: a
   * refresh spends the old refresh token, so a session that is not kept means a new login after a restart.
   */
  keepSession?(session: StoredSession): void;
}

export interface OutgoingReply {
  text: string;
  lang: 'nl' | 'en';
  idempotencyKey: string;
  createdAt: number;
  /** An earlier attempt may have reached the channel: look before posting. */
  retry: boolean;
}

export interface PostedReply {
  externalId: string;
  externalUrl: string | null;
}

/** Whether the engine can post a reply to mentions from this source (else: copy and open the post). */
export function canSendThrough(sourceKind: string, sourceConfig: unknown): boolean {
  const secrets = asObject(asObject(sourceConfig)?.secrets);
  if (sourceKind === 'mastodon') return Boolean(asText(secrets?.accessToken));
  if (sourceKind === 'bluesky') return Boolean(asText(secrets?.appPassword));
  return false;
}

/** Posts the reply; throws a SourceError the operator can read when the channel refuses or cannot be reached. */
export async function postReply(target: ReplyTarget, reply: OutgoingReply, ctx: PollContext): Promise<PostedReply> {
  if (target.sourceKind === 'mastodon') {
    return postMastodon(mastodonConnector.configSchema.parse(target.sourceConfig), target.mentionRaw, reply, ctx);
  }
  if (target.sourceKind === 'bluesky') {
    const config = blueskyConnector.configSchema.parse(target.sourceConfig);
    const stored = StoredSession.safeParse(asObject(target.sourceCursor)?.session);
    return postBluesky(config, stored.success ? stored.data : undefined, target, reply, ctx);
  }
  throw new SourceError('config', `replies to ${target.sourceKind} mentions cannot be sent from Watchpost`);
}

async function postMastodon(
  config: MastodonConfig,
  raw: unknown,
  reply: OutgoingReply,
  ctx: PollContext,
): Promise<PostedReply> {
  const token = openSecret(ctx.box, config.secrets, 'accessToken', 'Mastodon access token');
  const statusId = asText(asObject(raw)?.id);
  if (!statusId) throw new SourceError('config', 'the mention has no Mastodon status id to reply to');
  const url = new URL(`${config.instance}/api/v1/statuses`);
  const answer = asObject(
    await httpJson(
      ctx,
      {
        url,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': reply.idempotencyKey },
        json: { status: reply.text, in_reply_to_id: statusId, visibility: 'public', language: reply.lang },
      },
      'the posted reply',
    ),
  );
  const id = asText(answer?.id);
  if (!id) throw new SourceError('bad_response', `${url.host} answered the reply without a status id`);
  return { externalId: id, externalUrl: asText(answer?.url) ?? asText(answer?.uri) };
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A record key in atproto's TID form (13 base32-sortable characters: microseconds since the epoch and a
 * clock id), derived from the reply's creation time and idempotency key, so every attempt uses the same key.
 */
export function replyRecordKey(createdAt: number, idempotencyKey: string): string {
  const clockId = BigInt(createHash('sha256').update(idempotencyKey).digest().readUInt16BE(0) & 0x3ff);
  let value = ((BigInt(createdAt) * 1000n) << 10n) | clockId;
  let key = '';
  for (let i = 0; i < 13; i += 1) {
    key = TID_ALPHABET[Number(value & 31n)] + key;
    value >>= 5n;
  }
  return key;
}

interface StrongRef {
  uri: string;
  cid: string;
}

function replyRefs(raw: unknown): { root: StrongRef; parent: StrongRef } {
  const view = asObject(raw);
  const uri = asText(view?.uri);
  const cid = asText(view?.cid);
  if (!uri || !cid)
    throw new SourceError('config', 'the mention has no Bluesky post reference (uri and cid) to reply to');
  const parent = { uri, cid };
  const root = asObject(asObject(asObject(view?.record)?.reply)?.root);
  const rootUri = asText(root?.uri);
  const rootCid = asText(root?.cid);
  return { root: rootUri && rootCid ? { uri: rootUri, cid: rootCid } : parent, parent };
}

async function postBluesky(
  config: BlueskyConfig,
  stored: StoredSession | undefined,
  target: ReplyTarget,
  reply: OutgoingReply,
  ctx: PollContext,
): Promise<PostedReply> {
  const appPassword = openSecret(ctx.box, config.secrets, 'appPassword', 'Bluesky app password');
  const session = new BlueskySession(config.service, config.identifier, appPassword, stored, ctx);
  const refs = replyRefs(target.mentionRaw);
  const rkey = replyRecordKey(reply.createdAt, reply.idempotencyKey);
  // The access token the stored session had: any other one means the session was refreshed or created.
  let keptToken = stored ? openOrNull(ctx, stored.accessJwt) : null;
  const keep = (token: string) => {
    const sealed = session.sealed();
    if (token === keptToken || !sealed) return;
    keptToken = token;
    target.keepSession?.(sealed);
  };
  const withToken = async <T>(call: (token: string, did: string) => Promise<T>): Promise<T> => {
    const token = await session.accessToken();
    keep(token);
    try {
      return await call(token, session.sealed()?.did ?? '');
    } catch (err) {
      if (!isExpired(err)) throw err;
      const renewed = await session.renew();
      keep(renewed);
      return call(renewed, session.sealed()?.did ?? '');
    }
  };
  const postUrl = (did: string) => `https://bsky.app/profile/${did}/post/${rkey}`;
  if (reply.retry) {
    const existing = await withToken((token, did) => findRecord(config, token, did, rkey, ctx));
    if (existing) return { externalId: existing, externalUrl: postUrl(existing.split('/')[2] ?? '') };
  }
  const created = await withToken(async (token, did) => {
    const url = new URL(`${config.service}/xrpc/com.atproto.repo.createRecord`);
    const answer = asObject(
      await httpJson(
        ctx,
        {
          url,
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          json: {
            repo: did,
            collection: 'app.bsky.feed.post',
            rkey,
            record: {
              $type: 'app.bsky.feed.post',
              text: reply.text,
              createdAt: new Date(reply.createdAt).toISOString(),
              langs: [reply.lang],
              reply: refs,
            },
          },
        },
        'the posted reply',
      ),
    );
    const uri = asText(answer?.uri);
    if (!uri) throw new SourceError('bad_response', `${url.host} answered the reply without a record uri`);
    return { uri, did };
  });
  return { externalId: created.uri, externalUrl: postUrl(created.did) };
}

/** A sealed token opened, or null when this box cannot open it (the session is then made anew). */
function openOrNull(ctx: PollContext, sealed: string): string | null {
  try {
    return ctx.box.open(sealed);
  } catch {
    return null;
  }
}

/** The uri of our record under this key, or null when the repository has none. */
async function findRecord(
  config: BlueskyConfig,
  token: string,
  did: string,
  rkey: string,
  ctx: PollContext,
): Promise<string | null> {
  const url = new URL(`${config.service}/xrpc/com.atproto.repo.getRecord`);
  url.searchParams.set('repo', did);
  url.searchParams.set('collection', 'app.bsky.feed.post');
  url.searchParams.set('rkey', rkey);
  try {
    return asText(
      asObject(await httpJson(ctx, { url, headers: { authorization: `Bearer ${token}` } }, 'the record'))?.uri,
    );
  } catch (err) {
    const code = err instanceof SourceError ? asText(asObject(err.details.body)?.error) : null;
    if (code === 'RecordNotFound') return null;
    throw err;
  }
}
