import { parseFeed } from '@rowanmanning/feed-parser';
import iconv from 'iconv-lite';
import type { NewAuthor } from '../../mentions/write';
import { batchesOf } from './batches';
import { readAll } from './decode';
import { decodeFeed } from './feed-decode';
import { htmlToText } from './html-text';
import { commonOptions, unreadable } from './options';
import type { FormatParser, ImportInput, ParsedBatch, ParsedMention, ParseOptions } from './types';
import { contentHash } from './values';
import { placeText, rejectReason, type RecordPlace, type RejectReason } from './reject-reason';

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed['items'][number];

/** The first element's name, past the XML declaration, comments and doctype: `rss`, `feed`, `rdf:RDF`. */
function rootElement(text: string): string | null {
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?(-->|$)|<!DOCTYPE(\s*\[[\s\S]*?\]|[^>])*>/gi, '');
  return /<([\w:.-]+)/.exec(body)?.[1] ?? null;
}

const FEED_ROOTS = /^(\w+:)?(rss|feed|RDF)$/i;
const HAS_ENTRIES = /<(\w+:)?(item|entry)[\s>/]/i;

/** A feed, null for a well-formed feed with nothing in it, or the parser's complaint. */
function attempt(text: string): Feed | null | Error {
  try {
    return parseFeed(text);
  } catch (err) {
    const invalidFeed = (err as { code?: string }).code === 'INVALID_FEED';
    if (invalidFeed && !HAS_ENTRIES.test(text)) return null;
    return err instanceof Error ? err : new Error(String(err));
  }
}

/**
 * Parses feed text; null for a feed with nothing in it (not an error), or throws the one clear
 * error for the file. Two repairs for what the wild produces: RSS without its `<channel>`
 * wrapper, and a DOCTYPE whose internal subset the XML parser cannot read.
 */
export function readFeed(text: string, fileName: string): Feed | null {
  if (text.trim() === '') throw unreadable(fileName, 'the file is empty');
  const root = rootElement(text);
  if (!root) throw unreadable(fileName, 'this is not a feed: it holds no XML element');
  if (!FEED_ROOTS.test(root))
    throw unreadable(fileName, `this is not an RSS, Atom or RDF feed: its root element is <${root}>`);
  const first = attempt(text);
  if (!(first instanceof Error)) return first;
  const repairs = [
    /^rss$/i.test(root) && !/<channel[\s>]/i.test(text)
      ? text.replace(/(<rss\b[^>]*>)/i, '$1<channel>').replace(/<\/rss\s*>\s*$/i, '</channel></rss>')
      : null,
    /<!DOCTYPE/i.test(text) ? text.replace(/<!DOCTYPE(\s*\[[\s\S]*?\]|[^>])*>/i, '') : null,
  ];
  for (const repaired of repairs) {
    const feed = repaired === null ? first : attempt(repaired);
    if (!(feed instanceof Error)) return feed;
  }
  if ((first as { code?: string }).code === 'INVALID_FEED') {
    throw unreadable(fileName, 'the feed cannot be read: no channel, title or entries were found in it');
  }
  throw unreadable(
    fileName,
    `the feed is not well-formed XML ("${first.message.replace(/\.$/, '')}"); it may be cut off or damaged`,
  );
}

/** Google Alerts wraps every link as google.com/url?url=…: keep the real address. */
function realLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const target = parsed.searchParams.get('url') ?? parsed.searchParams.get('q');
    return /(^|\.)google\.[a-z.]+$/.test(parsed.hostname) && parsed.pathname === '/url' && target?.startsWith('http')
      ? target
      : url;
  } catch {
    return url;
  }
}

function validTime(date: Date | null): number | null {
  const time = date?.getTime();
  return time === undefined || Number.isNaN(time) ? null : time;
}

/** The entry's author, else the feed's, else the feed itself (a news site speaks as its title). */
function feedAuthor(feed: Feed, item: FeedItem): NewAuthor | null {
  const person = item.authors[0] ?? feed.authors[0];
  const handle = person?.name ?? person?.email;
  if (handle) return { handle, displayName: person?.name ?? null, followers: 0, location: null };
  return feed.title ? { handle: feed.title, displayName: feed.title, followers: 0, location: null } : null;
}

/** C1 control characters in feeds are nearly always Windows-1252 punctuation (’ “ ” –) mislabelled. */
function demoronize(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252'));
}

/** Title and body, without saying the title twice when the body repeats it. */
function entryText(title: string, body: string, url: string | null): string {
  if (!title) return body || url || '';
  if (!body || body === title) return title;
  return body.startsWith(title) ? body : `${title}\n\n${body}`;
}

/**
 * One feed entry as a mention; shared with the live RSS connector so a polled entry and an
 * imported one get the same id. Ids: the entry's id when it is a URL or URN; a bare guid is
 * prefixed with the feed's address (two feeds may both number their items "1"); without an id
 * the link; without a link a hash of the entry.
 */
export function feedEntryMention(
  feed: Feed,
  item: FeedItem,
  place: RecordPlace,
  fetchedAt: number,
): { mention: ParsedMention } | RejectReason {
  const title = demoronize(htmlToText(item.title ?? ''));
  const body = demoronize(htmlToText(item.content ?? item.description ?? ''));
  const url = realLink(item.url);
  const text = entryText(title, body, url);
  if (text === '')
    return rejectReason('content_missing', place, `${placeText(place)}: the entry has no title, text or link`);
  const feedKey = feed.self ?? feed.url ?? feed.title ?? '';
  const entry = item.toJSON();
  const id = item.id?.trim() || null;
  const externalId = id
    ? /^[a-z][\w+.-]*:/i.test(id)
      ? id
      : `${feedKey}#${id}`
    : (url ?? contentHash('rss', `${feedKey}\n${JSON.stringify(entry)}`));
  const own = validTime(item.published) ?? validTime(item.updated);
  const ofFeed = validTime(feed.published) ?? validTime(feed.updated);
  const createdAt = own ?? ofFeed ?? fetchedAt;
  return {
    mention: {
      channel: 'rss',
      externalId,
      url,
      author: feedAuthor(feed, item),
      text,
      createdAt,
      fetchedAt,
      parentExternalId: null,
      conversationId: null,
      reach: 0,
      geo: null,
      raw: JSON.stringify({
        entry,
        feed: { title: feed.title, url: feed.url, self: feed.self },
        // Said out loud, because an entry without a date of its own is placed by a guess.
        timeFrom:
          own !== null
            ? 'entry'
            : ofFeed !== null
              ? 'feed date (the entry has none)'
              : 'fetch time (neither entry nor feed has a date)',
      }),
    },
  };
}

async function* parseRss(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch> {
  const { fetchedAt, batchSize } = commonOptions(options);
  const { text } = decodeFeed(await readAll(input));
  const feed = readFeed(text, options.fileName);
  if (!feed) return;
  yield* batchesOf(feed.items, batchSize, (item, recordNo, out) => {
    const outcome = feedEntryMention(feed, item, { unit: 'entry', no: recordNo }, fetchedAt);
    if ('mention' in outcome) out.add(outcome.mention);
    else out.reject(recordNo, JSON.stringify(item.toJSON()), outcome);
  });
}

export const rssFormat: FormatParser = {
  id: 'rss',
  label: 'RSS, Atom or RDF feed',
  sniff(sample, fileName) {
    const root = rootElement(sample);
    if (root && /^(rss|feed|(\w+:)?RDF)$/i.test(root)) return 0.95;
    if (/\.(rss|atom)$/i.test(fileName)) return 0.8;
    return /^\s*<\?xml/.test(sample) && /\.xml$/i.test(fileName) ? 0.5 : 0;
  },
  parse: parseRss,
};
