import { CHANNELS, type Channel } from '../../../../shared/domain/mention';
import { parseTime } from './dates';
import type { FieldMapping, MappableField, ParsedMention } from './types';
import { clipValue, placeText, rejectReason, type RecordPlace, type RejectReason } from './reject-reason';
import { contentHash, quote } from './values';

/**
 * Column names mapped without asking, English and Dutch, compared lower-case without accents,
 * spaces or punctuation (`Created at` = `created_at` = `createdAt`). Earlier aliases win.
 */
const ALIASES: Record<MappableField, string[]> = {
  text: [
    'text',
    'message',
    'content',
    'body',
    'fulltext',
    'post',
    'tweet',
    'bericht',
    'tekst',
    'inhoud',
    'berichttekst',
  ],
  createdAt: [
    'createdat',
    'date',
    'datetime',
    'time',
    'timestamp',
    'publishedat',
    'published',
    'postedat',
    'created',
    'datum',
    'datumtijd',
    'tijdstip',
    'tijd',
    'publicatiedatum',
    'geplaatst',
  ],
  externalId: [
    'id',
    'idstr',
    'externalid',
    'postid',
    'messageid',
    'mentionid',
    'tweetid',
    'statusid',
    'guid',
    'berichtid',
  ],
  url: ['url', 'link', 'permalink', 'posturl', 'href', 'weblink'],
  channel: ['channel', 'platform', 'network', 'kanaal', 'medium', 'netwerk', 'source', 'bron'],
  parentId: ['parentid', 'inreplyto', 'inreplytoid', 'inreplytostatusid', 'replyto', 'parent', 'reactieop'],
  reach: ['reach', 'followers', 'followerscount', 'audience', 'bereik', 'volgers', 'aantalvolgers'],
  author: [
    'author',
    'auteur',
    'username',
    'screenname',
    'handle',
    'user',
    'gebruiker',
    'gebruikersnaam',
    'account',
    'afzender',
    'from',
  ],
  authorName: ['authorname', 'displayname', 'fullname', 'name', 'naam', 'weergavenaam', 'auteursnaam'],
  geo: ['geo', 'place', 'coordinates', 'plaats', 'gemeente', 'locatie', 'woonplaats'],
};
// Fields whose aliases may also match the last segment of a nested JSON path (`user.screen_name`).
// Ids may not: `user.id` is the author's id, not the post's.
const NESTED_OK = new Set<MappableField>(['text', 'createdAt', 'url', 'reach', 'author', 'authorName', 'geo']);
const ORDER: MappableField[] = [
  'text',
  'createdAt',
  'externalId',
  'url',
  'channel',
  'parentId',
  'reach',
  'author',
  'authorName',
  'geo',
];

function normalizeColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The mapping a person would pick for these columns (CSV headers or JSON paths). */
export function suggestMapping(columns: readonly string[]): FieldMapping {
  const mapping: FieldMapping = {};
  const used = new Set<string>();
  // Segments stay apart, so the path `user.name` is not the column `username`.
  const whole = columns.map((column) => column.split('.').map(normalizeColumnName).join('.'));
  const last = columns.map((column) => normalizeColumnName(column.split('.').at(-1) ?? column));
  for (const field of ORDER) {
    for (const alias of ALIASES[field]) {
      let index = whole.findIndex((name, i) => name === alias && !used.has(columns[i] ?? ''));
      if (index < 0 && NESTED_OK.has(field))
        index = last.findIndex((name, i) => name === alias && !used.has(columns[i] ?? ''));
      const column = columns[index];
      if (column !== undefined) {
        mapping[field] = column;
        used.add(column);
        break;
      }
    }
  }
  // A lone `name` column is the author: people write "name" for "who posted this".
  if (!mapping.author && mapping.authorName) {
    mapping.author = mapping.authorName;
    delete mapping.authorName;
  }
  return mapping;
}

const CHANNEL_ALIASES: Record<string, Channel> = {
  twitter: 'x',
  tweet: 'x',
  xcom: 'x',
  twittercom: 'x',
  fb: 'facebook',
  meta: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  yt: 'youtube',
  bsky: 'bluesky',
  news: 'rss',
  nieuws: 'rss',
  blog: 'rss',
  blogs: 'rss',
  web: 'rss',
  atom: 'rss',
  fora: 'forum',
};

export function channelFrom(value: string): Channel | null {
  const name = normalizeColumnName(value);
  if ((CHANNELS as readonly string[]).includes(name)) return name as Channel;
  return CHANNEL_ALIASES[name] ?? null;
}

/** A follower count as spreadsheets write it: `1234`, `1.234`, `1,234`, `1 234`, `12k`, `1,5M`. */
export function parseCount(value: string): number | null {
  const text = value.replace(/[\s\u00a0]/g, '');
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) return Number(text.replace(/[.,]/g, ''));
  const scaled = /^(\d+(?:[.,]\d+)?)([km])$/i.exec(text);
  if (scaled) return Math.round(Number(scaled[1]?.replace(',', '.')) * (scaled[2]?.toLowerCase() === 'k' ? 1e3 : 1e6));
  return null;
}

/** What stays the same for every record of a file (kept out of the per-row path: no copies per row). */
export interface MappingSettings {
  /** How the reason names a column: `column 'datum'` or `field 'user.name'`. */
  columnNoun: 'column' | 'field';
  idPrefix: string;
  channel: Channel;
  timeZone: string;
  fetchedAt: number;
}

export type MappedRecord = { mention: ParsedMention } | RejectReason;

function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Applies a mapping to one record; a record that cannot become a mention gets a reason a person
 * can act on. `place` names the record (`row 17`, `line 3`), `read` gets a column's value.
 */
export function mentionFromRecord(
  mapping: FieldMapping,
  ctx: MappingSettings,
  place: RecordPlace,
  read: (column: string) => unknown,
  rawJson: string,
): MappedRecord {
  const label = placeText(place);
  const name = (field: MappableField) => `${ctx.columnNoun} '${mapping[field]}'`;
  const about = (field: MappableField, found?: unknown) => ({
    field: mapping[field] ?? field,
    fieldKind: ctx.columnNoun,
    ...(found === undefined || found === null || found === '' ? {} : { value: clipValue(found) }),
  });
  const value = (field: MappableField): unknown => (mapping[field] === undefined ? undefined : read(mapping[field]));
  const text = (field: MappableField) => textOf(value(field));

  const rawText = value('text');
  const body = text('text');
  if (body === null) {
    const what =
      rawText === undefined || rawText === null || rawText === '' ? 'is empty' : `is not text: ${quote(rawText)}`;
    return rejectReason(
      'text_missing',
      place,
      `${label}: ${name('text')} ${what}; a mention needs text`,
      about('text', rawText),
    );
  }
  const rawTime = value('createdAt');
  const timeText = textOf(rawTime);
  if (timeText === null)
    return rejectReason(
      'time_missing',
      place,
      `${label}: ${name('createdAt')} is empty; a mention needs a time`,
      about('createdAt'),
    );
  const createdAt = parseTime(typeof rawTime === 'number' ? rawTime : timeText, ctx.timeZone);
  if (createdAt === null) {
    return rejectReason(
      'date_unparseable',
      place,
      `${label}: ${name('createdAt')} is not a date: ${quote(timeText)} (expected e.g. 2024-03-05T14:30, 05-03-2024 14:30 or Unix time)`,
      about('createdAt', timeText),
    );
  }
  const reachText = text('reach');
  const reach = reachText === null ? 0 : parseCount(reachText);
  if (reach === null)
    return rejectReason(
      'number_unparseable',
      place,
      `${label}: ${name('reach')} is not a number: ${quote(reachText)}`,
      about('reach', reachText),
    );

  const handle = (text('author') ?? text('authorName'))?.replace(/^@/, '') ?? null;
  const channelText = text('channel');
  const url = text('url');
  return {
    mention: {
      channel: (channelText && channelFrom(channelText)) || ctx.channel,
      externalId: text('externalId') ?? contentHash(ctx.idPrefix, rawJson),
      url: url && /^https?:\/\//i.test(url) ? url : url && /^www\./i.test(url) ? `https://${url}` : null,
      author: handle ? { handle, displayName: text('authorName'), followers: reach, location: null } : null,
      text: body,
      createdAt,
      fetchedAt: ctx.fetchedAt,
      parentExternalId: text('parentId'),
      conversationId: null,
      reach,
      geo: text('geo'),
      raw: rawJson,
    },
  };
}
