import type { NewAuthor } from '../../mentions/write';
import { batchesOf } from './batches';
import { parseTime } from './dates';
import { htmlToText } from './html-text';
import { parseJsonDocument, readText } from './json-input';
import { isOutbox, outboxConverter } from './mastodon-outbox';
import { commonOptions, unreadable } from './options';
import type { FormatParser, ImportInput, ParsedBatch, ParsedMention, ParseOptions } from './types';
import { asArray, asNumber, asObject, asText, type JsonObject } from './values';
import { placeText, rejectReason, timeReason, type RecordPlace, type RejectReason } from './reject-reason';

/** The statuses of a file: one status, a timeline, a search result or a thread context. */
function statusesOf(document: unknown, fileName: string): unknown[] {
  if (Array.isArray(document)) return document;
  const object = asObject(document);
  if (object && 'content' in object && 'account' in object) return [object];
  if (object && (Array.isArray(object.ancestors) || Array.isArray(object.descendants))) {
    return [...asArray(object.ancestors), ...asArray(object.descendants)];
  }
  if (object && Array.isArray(object.statuses)) return object.statuses;
  throw unreadable(
    fileName,
    'this is not Mastodon JSON: expected a status, a list of statuses, a search result, a thread context or an archive outbox.json',
  );
}

function host(url: string | null): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}

/** `acct` is `user@server` for remote accounts but bare for local ones: make it whole. */
function mastodonAuthor(account: unknown): NewAuthor | null {
  const object = asObject(account);
  const acct = asText(object?.acct) ?? asText(object?.username);
  if (!object || !acct) return null;
  const server = host(asText(object.url));
  return {
    handle: acct.includes('@') || !server ? acct : `${acct}@${server}`,
    displayName: asText(object.display_name),
    followers: asNumber(object.followers_count) ?? 0,
    location: null,
  };
}

/** What a reader sees: the content warning, the text, and for media-only posts the media. */
function statusText(status: JsonObject): string {
  const spoiler = asText(status.spoiler_text)?.trim();
  const content = htmlToText(asText(status.content) ?? '');
  const media = asArray(status.media_attachments).map(asObject);
  const described = media
    .map((item) => asText(item?.description) ?? asText(item?.url))
    .filter((text): text is string => text !== null);
  const body = content || described.join('\n');
  return [spoiler, body].filter(Boolean).join('\n\n');
}

/** The federation-wide id: the same post fetched through two servers has two local ids but one uri. */
function statusId(status: JsonObject): string | null {
  return asText(status.uri) ?? asText(status.url);
}

function statusMention(
  status: JsonObject,
  place: RecordPlace,
  thread: Thread,
  fetchedAt: number,
): { mention: ParsedMention } | RejectReason {
  const label = placeText(place);
  const externalId = statusId(status);
  if (!externalId)
    return rejectReason('id_missing', place, `${label}: the status has no uri`, { field: 'uri', fieldKind: 'field' });
  const createdAt = parseTime(status.created_at);
  if (createdAt === null) {
    const reason = `${label}: created_at is missing or not a date: ${JSON.stringify(status.created_at ?? null)}`;
    return timeReason(place, 'created_at', status.created_at, reason);
  }
  const author = mastodonAuthor(status.account);
  const boosted = asObject(status.reblog);
  const boostedAuthor = boosted ? mastodonAuthor(boosted.account) : null;
  const text = boosted ? `RT @${boostedAuthor?.handle ?? '?'}: ${statusText(boosted)}` : statusText(status);
  if (!boosted && text.trim() === '')
    return rejectReason('content_missing', place, `${label}: the status has no text and no media`);
  const parent = boosted ? null : thread.parentOf(status);
  return {
    mention: {
      channel: 'mastodon',
      externalId,
      url: asText(boosted?.url) ?? asText(boosted?.uri) ?? asText(status.url) ?? externalId,
      author,
      text,
      createdAt,
      fetchedAt,
      parentExternalId: parent,
      conversationId: boosted ? null : thread.rootOf(status),
      reach: author?.followers ?? 0,
      geo: null,
      raw: JSON.stringify(status),
    },
  };
}

/**
 * Replies name their parent by the server's local id; the statuses in the same file give that id
 * its uri, and following parents up gives the thread's root. A parent outside the file stays
 * unknown (its uri cannot be derived from a local id); `in_reply_to_id` is kept in the raw status.
 */
class Thread {
  private readonly byLocalId = new Map<string, JsonObject>();

  constructor(statuses: readonly unknown[]) {
    for (const item of statuses) {
      const status = asObject(item);
      const id = asText(status?.id);
      if (status && id) this.byLocalId.set(id, status);
    }
  }

  parentOf(status: JsonObject): string | null {
    const parent = this.byLocalId.get(asText(status.in_reply_to_id) ?? '');
    return parent ? statusId(parent) : null;
  }

  rootOf(status: JsonObject): string | null {
    let current = status;
    for (let depth = 0; depth < 1000; depth++) {
      const parentId = asText(current.in_reply_to_id);
      if (!parentId) return statusId(current);
      const parent = this.byLocalId.get(parentId);
      if (!parent) return null;
      current = parent;
    }
    return null;
  }
}

async function* parseMastodon(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch> {
  const { fetchedAt, batchSize } = commonOptions(options);
  const document = parseJsonDocument(await readText(input), options.fileName);
  if (isOutbox(document)) {
    const items = asArray(document.orderedItems);
    yield* batchesOf(items, batchSize, outboxConverter(items, { fetchedAt, accountName: options.accountName ?? null }));
    return;
  }
  const statuses = statusesOf(document, options.fileName);
  const thread = new Thread(statuses);
  yield* batchesOf(statuses, batchSize, (item, recordNo, out) => {
    const status = asObject(item);
    const place = { unit: 'status', no: recordNo } as const;
    const outcome = status
      ? statusMention(status, place, thread, fetchedAt)
      : rejectReason('not_an_object', place, `status ${recordNo} is not an object`);
    if ('mention' in outcome) out.add(outcome.mention);
    else out.reject(recordNo, JSON.stringify(item) ?? 'null', outcome);
  });
}

export const mastodonFormat: FormatParser = {
  id: 'mastodon',
  label: 'Mastodon statuses (JSON)',
  sniff(sample) {
    if (!/^\s*[[{]/.test(sample)) return 0;
    const keys = ['"content"', '"account"', '"visibility"', '"reblog"', '"in_reply_to_account_id"', '"spoiler_text"'];
    const found = keys.filter((key) => sample.includes(key)).length;
    if (/"(ancestors|descendants)"\s*:/.test(sample) && found >= 2) return 0.95;
    if (/"orderedItems"\s*:/.test(sample) && /activitystreams/.test(sample)) return 0.9;
    return found >= 4 ? 0.95 : found >= 3 ? 0.7 : 0;
  },
  parse: parseMastodon,
};
