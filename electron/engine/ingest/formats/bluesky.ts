import type { NewAuthor } from '../../mentions/write';
import { batchesOf } from './batches';
import { parseTime } from './dates';
import { parseJsonDocument, readText } from './json-input';
import { commonOptions, unreadable } from './options';
import type { FormatParser, ImportInput, ParsedBatch, ParsedMention, ParseOptions } from './types';
import { asArray, asNumber, asObject, asText, type JsonObject } from './values';
import { placeText, rejectReason, timeReason, type RecordPlace, type RejectReason } from './reject-reason';

/** One post to import; `repostBy` when it reached the feed as someone's repost. */
interface PostItem {
  post: JsonObject;
  repostBy?: JsonObject;
  repost?: JsonObject;
}

/** Flattens a thread view (`getPostThread`) into its posts, parents first. */
function threadPosts(node: unknown): PostItem[] {
  const view = asObject(node);
  if (!view) return [];
  const post = asObject(view.post);
  return [...threadPosts(view.parent), ...(post ? [{ post }] : []), ...asArray(view.replies).flatMap(threadPosts)];
}

/** searchPosts / getPosts (`posts`), feeds (`feed`), threads, listRecords (`records`), or bare posts. */
function postsOf(document: unknown, fileName: string): unknown[] {
  const object = asObject(document);
  const wrap = (value: unknown) => {
    const item = asObject(value);
    // listRecords gives { uri, value }: the record without a view around it.
    return item && !item.record && asObject(item.value)
      ? { post: { uri: item.uri, record: item.value } }
      : { post: value };
  };
  if (Array.isArray(document)) return document.map(wrap);
  if (object && Array.isArray(object.posts)) return object.posts.map(wrap);
  if (object && Array.isArray(object.records)) return object.records.map(wrap);
  if (object && Array.isArray(object.feed)) {
    return object.feed.map((entry) => {
      const item = asObject(entry);
      const reason = asObject(item?.reason);
      const isRepost = asText(reason?.$type)?.endsWith('#reasonRepost');
      return isRepost ? { post: item?.post, repostBy: reason?.by, repost: reason } : { post: item?.post };
    });
  }
  if (object && asObject(object.thread)) return threadPosts(object.thread);
  if (object && typeof object.uri === 'string' && asObject(object.record)) return [{ post: object }];
  throw unreadable(
    fileName,
    'this is not Bluesky JSON: expected a searchPosts response, a feed, a thread or a list of posts',
  );
}

/** at://did/app.bsky.feed.post/rkey → its parts. */
function atUri(uri: string): { did: string; rkey: string } | null {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(uri);
  return match ? { did: match[1] ?? '', rkey: match[2] ?? '' } : null;
}

function blueskyAuthor(profile: unknown, fallbackDid: string): NewAuthor {
  const object = asObject(profile);
  const handle = asText(object?.handle);
  return {
    // An account whose handle no longer resolves shows as `handle.invalid`: its DID still names it.
    handle: handle && handle !== 'handle.invalid' ? handle : (asText(object?.did) ?? fallbackDid),
    displayName: asText(object?.displayName),
    followers: asNumber(object?.followersCount) ?? 0,
    location: null,
  };
}

/** Facets point at UTF-8 byte ranges; a link shown shortened is replaced by its full address. */
function expandFacets(text: string, facets: unknown): string {
  const bytes = Buffer.from(text, 'utf8');
  const links = asArray(facets)
    .map(asObject)
    .map((facet) => {
      const index = asObject(facet?.index);
      const link = asArray(facet?.features)
        .map(asObject)
        .find((feature) => asText(feature?.$type)?.endsWith('#link'));
      return { start: asNumber(index?.byteStart), end: asNumber(index?.byteEnd), uri: asText(link?.uri) };
    })
    .filter(
      (l): l is { start: number; end: number; uri: string } =>
        l.uri !== null && l.start !== null && l.end !== null && l.start < l.end && l.end <= bytes.length,
    )
    .sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const link of links) {
    if (link.start < at) continue;
    const shown = bytes.subarray(link.start, link.end).toString('utf8');
    parts.push(bytes.subarray(at, link.start).toString('utf8'));
    parts.push(/^\S+\.\S+$/.test(shown) ? link.uri : `${shown} (${link.uri})`);
    at = link.end;
  }
  parts.push(bytes.subarray(at).toString('utf8'));
  return parts.join('');
}

function postText(record: JsonObject): string {
  const text = expandFacets(asText(record.text) ?? '', record.facets);
  const embed = asObject(record.embed);
  const card =
    asText(asObject(embed?.external)?.uri) ?? asText(asObject(asObject(asObject(embed?.media)?.external))?.uri);
  const alts = [...asArray(embed?.images), ...asArray(asObject(embed?.media)?.images)].map((image) =>
    asText(asObject(image)?.alt),
  );
  const body = text.trim() || alts.filter((alt): alt is string => alt !== null).join('\n');
  return card && !body.includes(card) ? [body, card].filter(Boolean).join('\n\n') : body;
}

function postMention(item: PostItem, place: RecordPlace, fetchedAt: number): { mention: ParsedMention } | RejectReason {
  const label = placeText(place);
  const { post } = item;
  const uri = asText(post.uri);
  const parts = uri ? atUri(uri) : null;
  if (!uri || !parts) {
    const reason = `${label}: the post has no at:// uri of an app.bsky.feed.post`;
    return rejectReason('id_missing', place, reason, { field: 'uri', fieldKind: 'field' });
  }
  const record = asObject(post.record) ?? {};
  const createdAt = parseTime(record.createdAt) ?? parseTime(post.indexedAt);
  if (createdAt === null) {
    const reason = `${label}: createdAt is missing or not a date: ${JSON.stringify(record.createdAt ?? null)}`;
    return timeReason(place, 'createdAt', record.createdAt, reason);
  }
  const author = blueskyAuthor(post.author, parts.did);
  const text = postText(record);
  if (text === '')
    return rejectReason('content_missing', place, `${label}: the post has no text, link or image description`);
  const url = `https://bsky.app/profile/${author.handle}/post/${parts.rkey}`;
  const reply = asObject(record.reply);
  const common = { channel: 'bluesky' as const, fetchedAt, geo: null, url };
  if (item.repostBy) {
    const by = blueskyAuthor(item.repostBy, '');
    return {
      mention: {
        ...common,
        externalId: asText(item.repost?.uri) ?? `${uri}#repost:${asText(item.repostBy.did) ?? by.handle}`,
        author: by,
        text: `RT @${author.handle}: ${text}`,
        createdAt: parseTime(item.repost?.indexedAt) ?? createdAt,
        parentExternalId: null,
        conversationId: null,
        reach: by.followers,
        raw: JSON.stringify({ post, reason: item.repost }),
      },
    };
  }
  return {
    mention: {
      ...common,
      externalId: uri,
      author,
      text,
      createdAt,
      parentExternalId: asText(asObject(reply?.parent)?.uri),
      conversationId: asText(asObject(reply?.root)?.uri) ?? uri,
      reach: author.followers,
      raw: JSON.stringify(post),
    },
  };
}

async function* parseBluesky(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch> {
  const { fetchedAt, batchSize } = commonOptions(options);
  const items = postsOf(parseJsonDocument(await readText(input), options.fileName), options.fileName);
  yield* batchesOf(items, batchSize, (value, recordNo, out) => {
    const item = value as Partial<PostItem>;
    const post = asObject(item.post);
    const place = { unit: 'post', no: recordNo } as const;
    const outcome = post
      ? postMention({ ...item, post } as PostItem, place, fetchedAt)
      : rejectReason('not_an_object', place, `post ${recordNo} is not an object`);
    if ('mention' in outcome) out.add(outcome.mention);
    else out.reject(recordNo, JSON.stringify(item.post ?? null), outcome);
  });
}

export const blueskyFormat: FormatParser = {
  id: 'bluesky',
  label: 'Bluesky posts (searchPosts, feeds, threads)',
  sniff(sample) {
    if (!/^\s*[[{]/.test(sample)) return 0;
    if (/"at:\/\/[^"]*app\.bsky\.feed\.post/.test(sample)) return 0.95;
    return /"\$type"\s*:\s*"app\.bsky\./.test(sample) ? 0.8 : 0;
  },
  parse: parseBluesky,
};
