import type { NewAuthor } from '../../mentions/write';
import { batchesOf } from './batches';
import { parseJsonDocument, readText } from './json-input';
import { repairMojibakeDeep } from './mojibake';
import { commonOptions, unreadable } from './options';
import type { FormatParser, ImportInput, ParsedBatch, ParsedMention, ParseOptions } from './types';
import { asArray, asNumber, asObject, asText, contentHash, type JsonObject } from './values';
import { placeText, rejectReason, timeReason, type RecordPlace, type RejectReason } from './reject-reason';

/** The posts of an export file: a bare list, or a list under a key such as `status_updates_v2`. */
function exportPosts(document: unknown, fileName: string): unknown[] {
  if (Array.isArray(document)) return document;
  const object = asObject(document);
  const list =
    object &&
    Object.values(object).find((value) => Array.isArray(value) && asObject(value[0])?.timestamp !== undefined);
  if (!list) throw unreadable(fileName, 'this is not a Facebook export: expected a list of posts with "timestamp"');
  return asArray(list);
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.map((value) => value?.trim() ?? '').filter((value) => value !== ''))];
}

/** What the post says: its own text, else its title, else what its attachments name. */
function postText(post: JsonObject): string | null {
  const data = asArray(post.data).map(asObject);
  const attachments = asArray(post.attachments).flatMap((attachment) =>
    asArray(asObject(attachment)?.data).map(asObject),
  );
  const links = unique(attachments.map((item) => asText(asObject(item?.external_context)?.url))).filter((url) =>
    /^https?:\/\//.test(url),
  );
  const own = unique([
    ...data.map((item) => asText(item?.post)),
    ...data.map((item) => asText(asObject(item?.comment)?.comment)),
  ]);
  if (own.length > 0) {
    const text = own.join('\n\n');
    const missing = links.filter((url) => !text.includes(url));
    return missing.length > 0 ? `${text}\n\n${missing.join('\n')}` : text;
  }
  const named = unique([
    asText(post.title),
    ...attachments.map((item) => asText(asObject(item?.media)?.description)),
    ...attachments.map((item) => asText(asObject(item?.event)?.name)),
    ...attachments.map((item) => asText(asObject(item?.note)?.text)),
    ...attachments.map((item) => asText(asObject(item?.place)?.name)),
    ...attachments.map((item) => asText(asObject(item?.external_context)?.name)),
    ...links,
  ]);
  return named.length > 0 ? named.join('\n') : null;
}

function postMention(
  post: JsonObject,
  place: RecordPlace,
  context: { fetchedAt: number; account: NewAuthor | null },
): { mention: ParsedMention } | RejectReason {
  const label = placeText(place);
  const seconds = asNumber(post.timestamp);
  if (seconds === null) return timeReason(place, 'timestamp', post.timestamp, `${label}: the post has no timestamp`);
  const text = postText(post);
  if (text === null) {
    const reason = `${label}: the post has no text, title or link (only media or an empty update)`;
    return rejectReason('content_missing', place, reason);
  }
  const commenter = asArray(post.data)
    .map((item) => asText(asObject(asObject(item)?.comment)?.author))
    .find((name) => name !== null);
  const raw = JSON.stringify(post);
  return {
    mention: {
      channel: 'facebook',
      // The export carries no post id: the post itself, hashed, is its identity.
      externalId: contentHash('fb', raw),
      url: null,
      author: commenter ? { handle: commenter, displayName: commenter, followers: 0, location: null } : context.account,
      text,
      createdAt: Math.round(seconds * 1000),
      fetchedAt: context.fetchedAt,
      parentExternalId: null,
      conversationId: null,
      reach: 0,
      geo: null,
      raw,
    },
  };
}

async function* parseFacebook(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch> {
  const { fetchedAt, batchSize } = commonOptions(options);
  // Facebook writes each UTF-8 byte as its own \u00XX escape; repair every string once, up front.
  const posts = exportPosts(
    repairMojibakeDeep(parseJsonDocument(await readText(input), options.fileName)),
    options.fileName,
  );
  const handle = options.accountHandle?.replace(/^@/, '') ?? options.accountName;
  const account = handle ? { handle, displayName: options.accountName ?? null, followers: 0, location: null } : null;
  yield* batchesOf(posts, batchSize, (item, recordNo, out) => {
    const post = asObject(item);
    const place = { unit: 'post', no: recordNo } as const;
    const outcome = post
      ? postMention(post, place, { fetchedAt, account })
      : rejectReason('not_an_object', place, `post ${recordNo} is not an object`);
    if ('mention' in outcome) out.add(outcome.mention);
    else out.reject(recordNo, JSON.stringify(item) ?? 'null', outcome);
  });
}

export const facebookFormat: FormatParser = {
  id: 'facebook',
  label: 'Facebook export (your posts)',
  sniff(sample, fileName) {
    if (!/^\s*[[{]/.test(sample)) return 0;
    const hasTimestamp = /"timestamp"\s*:\s*\d/.test(sample);
    if (hasTimestamp && /"(status_updates(_v2)?|group_posts_v2|comments_v2)"\s*:/.test(sample)) return 0.95;
    if (hasTimestamp && /"(attachments|post|update_timestamp)"\s*:/.test(sample)) return 0.85;
    return /your_posts|status_updates/i.test(fileName) && hasTimestamp ? 0.7 : 0;
  },
  parse: parseFacebook,
};
