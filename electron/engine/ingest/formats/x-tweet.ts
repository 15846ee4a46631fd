import { decodeHTML } from 'entities';
import type { NewAuthor } from '../../mentions/write';
import { parseTime } from './dates';
import type { ParsedMention } from './types';
import { asArray, asNumber, asObject, asText, type JsonObject } from './values';
import { placeText, rejectReason, timeReason, type RecordPlace, type RejectReason } from './reject-reason';

type TweetOutcome = { mention: ParsedMention } | RejectReason;

/** Replaces each t.co link with the address it stands for. */
function expandLinks(text: string, ...entityLists: unknown[]): string {
  let expanded = text;
  for (const list of entityLists) {
    for (const entity of asArray(list)) {
      const short = asText(asObject(entity)?.url);
      const long = asText(asObject(entity)?.expanded_url);
      if (short && long) expanded = expanded.split(short).join(long);
    }
  }
  return expanded;
}

/** An id as text: `id_str` first, because a JSON number loses digits past 2^53. */
function tweetId(tweet: JsonObject, field = 'id'): string | null {
  const exact = asText(tweet[`${field}_str`]);
  if (exact) return exact;
  const value = tweet[field];
  if (typeof value === 'string') return value || null;
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : null;
}

function tweetUrl(id: string, handle: string | null | undefined): string {
  return handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
}

function v1Author(user: unknown): NewAuthor | null {
  const object = asObject(user);
  const handle = asText(object?.screen_name);
  if (!object || !handle) return null;
  return {
    handle,
    displayName: asText(object.name),
    followers: asNumber(object.followers_count) ?? 0,
    location: asText(object.location),
  };
}

/** The whole text of a v1.1 tweet (extended or classic mode), links expanded, entities decoded. */
function v1Text(tweet: JsonObject): string {
  const extended = asObject(tweet.extended_tweet);
  const text = asText(extended?.full_text) ?? asText(tweet.full_text) ?? asText(tweet.text) ?? '';
  const entities = asObject(extended?.entities) ?? asObject(tweet.entities);
  const media = asObject(extended?.extended_entities ?? tweet.extended_entities)?.media;
  return decodeHTML(expandLinks(text, entities?.urls, entities?.media, media));
}

function v1Geo(tweet: JsonObject): string | null {
  const point = asArray(asObject(tweet.coordinates)?.coordinates);
  const [lon, lat] = point.map(asNumber);
  if (typeof lat === 'number' && typeof lon === 'number') return `${lat},${lon}`;
  return asText(asObject(tweet.place)?.full_name);
}

/** A v1.1 tweet (API or archive) as a mention. Archives name no author: pass the account's. */
export function v1TweetMention(
  tweet: JsonObject,
  where: RecordPlace,
  context: { fetchedAt: number; author?: NewAuthor | null },
): TweetOutcome {
  const label = placeText(where);
  const id = tweetId(tweet);
  if (!id)
    return rejectReason('id_missing', where, `${label}: the tweet has no id_str`, {
      field: 'id_str',
      fieldKind: 'field',
    });
  const createdAt = parseTime(tweet.created_at);
  if (createdAt === null) {
    const reason = `${label} (id ${id}): created_at is missing or not a date: ${JSON.stringify(tweet.created_at ?? null)}`;
    const why = timeReason(where, 'created_at', tweet.created_at, reason);
    return { ...why, params: { ...why.params, id } };
  }
  const retweeted = asObject(tweet.retweeted_status);
  const retweetedAuthor = v1Author(retweeted?.user);
  const text = retweeted && retweetedAuthor ? `RT @${retweetedAuthor.handle}: ${v1Text(retweeted)}` : v1Text(tweet);
  if (text.trim() === '') return rejectReason('content_missing', where, `${label} (id ${id}) has no text`, { id });
  const author = v1Author(tweet.user) ?? context.author ?? null;
  const parent = tweetId(tweet, 'in_reply_to_status_id');
  return {
    mention: {
      channel: 'x',
      externalId: id,
      url: tweetUrl(id, author?.handle),
      author,
      text,
      createdAt,
      fetchedAt: context.fetchedAt,
      parentExternalId: parent,
      // A tweet that answers nothing starts its own conversation; a reply's root is not in v1.1.
      conversationId: asText(tweet.conversation_id_str) ?? (parent ? null : id),
      reach: author?.followers ?? 0,
      geo: v1Geo(tweet),
      raw: JSON.stringify(tweet),
    },
  };
}

export interface V2Includes {
  users: Map<string, JsonObject>;
  tweets: Map<string, JsonObject>;
  places: Map<string, JsonObject>;
}

export function v2Includes(envelope: JsonObject): V2Includes {
  const includes = asObject(envelope.includes);
  const byId = (list: unknown) =>
    new Map(
      asArray(list)
        .map(asObject)
        .filter((item): item is JsonObject => item !== null && asText(item.id) !== null)
        .map((item) => [asText(item.id) as string, item]),
    );
  return { users: byId(includes?.users), tweets: byId(includes?.tweets), places: byId(includes?.places) };
}

function v2Author(user: JsonObject | undefined): NewAuthor | null {
  const handle = asText(user?.username);
  if (!user || !handle) return null;
  return {
    handle,
    displayName: asText(user.name),
    followers: asNumber(asObject(user.public_metrics)?.followers_count) ?? 0,
    location: asText(user.location),
  };
}

/** Long posts carry their whole text in `note_tweet`. */
function v2Text(tweet: JsonObject): string {
  const note = asObject(tweet.note_tweet);
  const text = asText(note?.text) ?? asText(tweet.text) ?? '';
  return decodeHTML(expandLinks(text, asObject(note?.entities ?? tweet.entities)?.urls));
}

function referenced(tweet: JsonObject, type: string): string | null {
  const reference = asArray(tweet.referenced_tweets)
    .map(asObject)
    .find((ref) => ref?.type === type);
  return asText(reference?.id);
}

/** An X API v2 tweet, with its author and any retweeted tweet looked up in `includes`. */
export function v2TweetMention(
  tweet: JsonObject,
  includes: V2Includes,
  where: RecordPlace,
  fetchedAt: number,
): TweetOutcome {
  const label = placeText(where);
  const id = asText(tweet.id);
  if (!id)
    return rejectReason('id_missing', where, `${label}: the tweet has no id`, { field: 'id', fieldKind: 'field' });
  const createdAt = parseTime(tweet.created_at);
  if (createdAt === null) {
    const reason = `${label} (id ${id}): created_at is missing; request it with tweet.fields=created_at`;
    return rejectReason('time_not_requested', where, reason, { id, field: 'created_at', fieldKind: 'field' });
  }
  const userRecord = includes.users.get(asText(tweet.author_id) ?? '');
  const author = v2Author(userRecord);
  const retweetId = referenced(tweet, 'retweeted');
  const original = retweetId ? includes.tweets.get(retweetId) : undefined;
  const originalAuthor = original ? v2Author(includes.users.get(asText(original.author_id) ?? '')) : null;
  const text = original && originalAuthor ? `RT @${originalAuthor.handle}: ${v2Text(original)}` : v2Text(tweet);
  if (text.trim() === '') return rejectReason('content_missing', where, `${label} (id ${id}) has no text`, { id });
  const point = asArray(asObject(asObject(tweet.geo)?.coordinates)?.coordinates).map(asNumber);
  const place = includes.places.get(asText(asObject(tweet.geo)?.place_id) ?? '');
  return {
    mention: {
      channel: 'x',
      externalId: id,
      url: tweetUrl(id, author?.handle),
      author,
      text,
      createdAt,
      fetchedAt,
      parentExternalId: referenced(tweet, 'replied_to'),
      conversationId: asText(tweet.conversation_id),
      reach: author?.followers ?? 0,
      geo:
        typeof point[1] === 'number' && typeof point[0] === 'number'
          ? `${point[1]},${point[0]}`
          : asText(place?.full_name),
      raw: JSON.stringify({
        data: tweet,
        includes: { users: userRecord ? [userRecord] : [], ...(original ? { tweets: [original] } : {}) },
      }),
    },
  };
}
