import type { NewAuthor } from '../../mentions/write';
import type { BatchCollector } from './batches';
import { parseTime } from './dates';
import { htmlToText } from './html-text';
import type { ParsedMention } from './types';
import { asArray, asObject, asText, type JsonObject } from './values';
import { clipValue, rejectReason, timeReason, type RejectCode, type RejectParams } from './reject-reason';

/**
 * A Mastodon account archive's `outbox.json` (ActivityStreams): the account's own posts as
 * `Create` activities around `Note` objects. Ids and `inReplyTo` are already federation-wide
 * uris, so replies link to their parents even across servers.
 */
export function isOutbox(document: unknown): document is JsonObject {
  const object = asObject(document);
  return object !== null && Array.isArray(object.orderedItems);
}

/** `https://server/users/name` → `name@server`. */
function actorAuthor(actor: string | null, displayName: string | null): NewAuthor | null {
  const match = actor ? /^https?:\/\/([^/]+)\/(?:users\/|@)([^/?#]+)/.exec(actor) : null;
  if (!match) return null;
  return { handle: `${match[2]}@${match[1]}`, displayName, followers: 0, location: null };
}

function noteText(note: JsonObject): string {
  const warning = asText(note.summary)?.trim();
  const content = htmlToText(asText(note.content) ?? '');
  const described = asArray(note.attachment)
    .map((item) => asText(asObject(item)?.name) ?? asText(asObject(item)?.url))
    .filter((text): text is string => text !== null);
  return [warning, content || described.join('\n')].filter(Boolean).join('\n\n');
}

/** Converts one outbox item; built once per file because replies look up their parents in it. */
export function outboxConverter(
  items: readonly unknown[],
  context: { fetchedAt: number; accountName: string | null },
): (item: unknown, recordNo: number, out: BatchCollector) => void {
  const notes = new Map<string, JsonObject>();
  for (const item of items) {
    const note = asObject(asObject(item)?.object);
    const id = asText(note?.id);
    if (note && id) notes.set(id, note);
  }
  const rootOf = (note: JsonObject): string | null => {
    let current = note;
    for (let depth = 0; depth < 1000; depth++) {
      const parent = asText(current.inReplyTo);
      if (!parent) return asText(current.id);
      const next = notes.get(parent);
      if (!next) return null;
      current = next;
    }
    return null;
  };
  return (item, recordNo, out) => {
    const raw = JSON.stringify(item) ?? 'null';
    const activity = asObject(item);
    const type = asText(activity?.type);
    const place = { unit: 'item', no: recordNo } as const;
    const reject = (code: RejectCode, reason: string, details?: Partial<RejectParams>) =>
      out.reject(recordNo, raw, rejectReason(code, place, `item ${recordNo}: ${reason}`, details));
    if (type === 'Announce') {
      const boosted = asText(activity?.object) ?? 'a post';
      const reason = `a boost of ${boosted}; the archive holds only its link, not its text`;
      return reject('not_a_post', reason, { detail: 'Announce', value: clipValue(boosted) });
    }
    const note = asObject(activity?.object);
    if (type !== 'Create' || !note)
      return reject('not_a_post', `a ${type ?? 'nameless'} activity, not a post`, { detail: type ?? '' });
    const id = asText(note.id);
    if (!id) return reject('id_missing', 'the post has no id', { field: 'id', fieldKind: 'field' });
    const createdAt = parseTime(note.published) ?? parseTime(activity?.published);
    if (createdAt === null) {
      const reason = `item ${recordNo}: published is missing or not a date: ${JSON.stringify(note.published ?? null)}`;
      return out.reject(recordNo, raw, timeReason(place, 'published', note.published, reason));
    }
    const text = noteText(note);
    if (!text) return reject('content_missing', 'the post has no text and no media');
    const mention: ParsedMention = {
      channel: 'mastodon',
      externalId: id,
      url: asText(note.url) ?? id,
      author: actorAuthor(asText(note.attributedTo) ?? asText(activity?.actor), context.accountName),
      text,
      createdAt,
      fetchedAt: context.fetchedAt,
      parentExternalId: asText(note.inReplyTo),
      conversationId: rootOf(note),
      reach: 0,
      geo: null,
      raw,
    };
    out.add(mention);
  };
}
