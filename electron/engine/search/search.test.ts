import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WatchpostError } from '../../../shared/api/result';
import { ensureSource, MentionWriter, type NewMention } from '../mentions/write';
import { openMemoryWorkspace, type Db } from '../store/db';
import { MentionSearch, searchMentions } from './search';

type Fixture = Partial<NewMention> & { text: string; handle: string; day: number };

/** A small town's worth of mentions; `day` is the day in January 2026 (local time), 0 = 31 December. */
const MENTIONS: Fixture[] = [
  { text: 'Storing op glasvezel in Woensel, al uren geen internet', handle: 'jan_de_vries', day: 10, reach: 1200 },
  {
    text: 'Lekker koffie gedronken bij het café op Stratumseind',
    handle: 'koffieliefhebber',
    day: -11,
    channel: 'instagram',
    reach: 300,
    sentiment: { label: 'positive', score: 0.8 },
  },
  { text: 'Weer een storing bij de trein #fail', handle: 'forens', day: 5, reach: 50 },
  {
    text: 'Cafe De Gouden Leeuw heeft weer open',
    handle: 'leeuw',
    day: 12,
    channel: 'facebook',
    reach: 5000,
    status: 'resolved',
    assignee: 'Anna',
    sentiment: { label: 'neutral', score: 0 },
  },
  { text: '@gemeente_eindhoven wanneer wordt de glasvezel aangelegd?', handle: 'bewoner', day: 11, reach: 10 },
  {
    text: 'Slechte wifi in de bibliotheek, echt slechte verbinding',
    handle: 'lezer',
    day: 8,
    channel: 'mastodon',
    reach: 999,
  },
  {
    text: 'The wifi is bad, total fail, but the coffee is great',
    handle: 'visitor',
    day: 9,
    channel: 'bluesky',
    lang: 'en',
    reach: 1000,
    sentiment: { label: 'positive', score: 0.4 },
  },
  {
    text: 'Gemeente Eindhoven reageert snel op meldingen',
    handle: 'gemeente_eindhoven',
    day: 13,
    channel: 'rss',
    reach: 100_000,
    status: 'open',
    assignee: 'bram',
    sentiment: { label: 'positive', score: 0.5 },
  },
  {
    text: 'storingen storingsdienst failliet',
    handle: 'anoniem',
    day: 0,
    channel: 'forum',
    lang: null,
    sentiment: null,
    reach: 0,
  },
  {
    text: 'De wifi is echt heel erg traag vandaag, slechte dag',
    handle: 'student',
    day: 7,
    channel: 'facebook',
    reach: 20,
  },
  { text: 'De gemeente Eindhoven is traag met antwoorden', handle: 'klager', day: 6, channel: 'facebook', reach: 40 },
];

let db: Db;
const ids: number[] = [];

beforeAll(() => {
  db = openMemoryWorkspace();
  const sourceId = ensureSource(db, 'file', 'fixture');
  const writer = new MentionWriter(db);
  MENTIONS.forEach((m, i) => {
    writer.write([
      {
        sourceId,
        channel: m.channel ?? 'x',
        externalId: `m${i + 1}`,
        url: null,
        author: { handle: m.handle, displayName: null, followers: 10, location: null },
        text: m.text,
        lang: m.lang === undefined ? 'nl' : m.lang,
        createdAt: new Date(2026, 0, m.day, 12).getTime(),
        fetchedAt: Date.now(),
        parentExternalId: null,
        conversationId: null,
        reach: m.reach ?? 0,
        geo: null,
        sentiment: m.sentiment === undefined ? { label: 'negative', score: -0.5 } : m.sentiment,
        priority: 0,
        status: m.status,
        assignee: m.assignee,
        raw: null,
      },
    ]);
    ids.push(i + 1);
  });
  const topic = db
    .prepare(
      "INSERT INTO topics (name, query, colour, created_at, updated_at) VALUES ('Glasvezel', 'glasvezel', '#0a84ff', 0, 0) RETURNING id",
    )
    .get() as { id: number };
  for (const mentionId of [1, 5])
    db.prepare('INSERT INTO mention_topics (mention_id, topic_id) VALUES (?, ?)').run(mentionId, topic.id);
});

afterAll(() => db.close());

/** The mention numbers (1-based, as in MENTIONS) a query finds, newest first. */
function find(query: string, sort: 'newest' | 'relevance' = 'newest'): number[] {
  return searchMentions(db, { query, limit: 100, sort }).mentions.map((m) => m.id);
}

const sorted = (numbers: number[]): number[] => [...numbers].sort((a, b) => a - b);

describe('searchMentions: every construct of the query language on a real workspace', () => {
  it('ignores Dutch diacritics and case: "cafe" finds "café" and "Café" finds "Cafe"', () => {
    expect(sorted(find('cafe'))).toEqual([2, 4]);
    expect(sorted(find('café'))).toEqual([2, 4]);
    expect(sorted(find('CAFÉ'))).toEqual([2, 4]);
  });

  it('matches whole words, and word starts with *', () => {
    expect(sorted(find('storing'))).toEqual([1, 3]);
    expect(sorted(find('storing*'))).toEqual([1, 3, 9]);
  });

  it('combines with AND (also implicit), OR and NOT, in English or Dutch', () => {
    expect(find('storing glasvezel')).toEqual([1]);
    expect(find('storing AND glasvezel')).toEqual([1]);
    expect(find('storing EN glasvezel')).toEqual([1]);
    expect(sorted(find('storing OR koffie'))).toEqual([1, 2, 3]);
    expect(sorted(find('storing OF koffie'))).toEqual([1, 2, 3]);
    expect(sorted(find('wifi NOT slechte'))).toEqual([7]);
    expect(sorted(find('wifi NIET slechte'))).toEqual([7]);
  });

  it('mixes words and fields under AND, OR and NOT', () => {
    expect(sorted(find('(storing OR wifi) AND channel:x'))).toEqual([1, 3]);
    expect(sorted(find('storing OR channel:instagram'))).toEqual([1, 2, 3]);
    expect(sorted(find('(storing OR glasvezel) AND channel:x NOT sentiment:positive'))).toEqual([1, 3, 5]);
    expect(sorted(find('sentiment:neutral OR lang:en'))).toEqual([4, 7]);
    expect(sorted(find('NOT wifi channel:facebook'))).toEqual([4, 11]);
  });

  it('finds an exact phrase only with its words side by side, and NEAR/n within n words', () => {
    expect(find('"slechte wifi"')).toEqual([6]);
    expect(find('wifi NEAR/3 slechte')).toEqual([6]);
    expect(sorted(find('wifi NEAR/8 slechte'))).toEqual([6, 10]);
  });

  it('finds a #hashtag only where it is written as one', () => {
    expect(sorted(find('fail'))).toEqual([3, 7]);
    expect(find('#fail')).toEqual([3]);
  });

  it('finds an @handle as the author or named in the text, not the same words elsewhere', () => {
    expect(sorted(find('@gemeente_eindhoven'))).toEqual([5, 8]);
    expect(sorted(find('author:jan_de_vries'))).toEqual([1]);
    expect(sorted(find('author:@JAN_DE_VRIES'))).toEqual([1]);
  });

  it('filters by channel, language, sentiment, status, assignee and topic; NOT keeps unknown values', () => {
    expect(sorted(find('channel:x'))).toEqual([1, 3, 5]);
    expect(sorted(find('kanaal:twitter'))).toEqual([1, 3, 5]);
    expect(find('lang:en')).toEqual([7]);
    expect(sorted(find('NOT lang:nl'))).toEqual([7, 9]);
    expect(sorted(find('sentiment:negatief'))).toEqual([1, 3, 5, 6, 10, 11]);
    expect(sorted(find('NOT sentiment:negative'))).toEqual([2, 4, 7, 8, 9]);
    expect(find('status:resolved')).toEqual([4]);
    expect(find('status:open')).toEqual([8]);
    expect(find('assignee:ANNA')).toEqual([4]);
    expect(sorted(find('topic:glasvezel'))).toEqual([1, 5]);
  });

  it('filters by date (after: from that moment, before: up to it) and by reach', () => {
    expect(sorted(find('after:2026-01-10'))).toEqual([1, 4, 5, 8]);
    expect(sorted(find('before:2026-01-05'))).toEqual([2, 9]);
    expect(sorted(find('after:2026-01-05 before:2026-01-08'))).toEqual([3, 10, 11]);
    expect(sorted(find('reach:>999'))).toEqual([1, 4, 7, 8]);
    expect(sorted(find('reach:>=999'))).toEqual([1, 4, 6, 7, 8]);
    expect(sorted(find('reach:<50'))).toEqual([5, 9, 10, 11]);
    expect(sorted(find('reach:<=50'))).toEqual([3, 5, 9, 10, 11]);
    expect(find('reach:1000')).toEqual([7]);
  });

  it('orders newest first by default, and by relevance on request', () => {
    expect(find('wifi')).toEqual([7, 6, 10]);
    expect(find('slechte', 'relevance')).toEqual([6, 10]);
    expect(find('glasvezel OR storing', 'relevance')[0]).toBe(1);
  });

  it('pages with limit and offset and reports the total', () => {
    expect(searchMentions(db, { query: 'channel:x', limit: 1, offset: 1 })).toMatchObject({
      total: 3,
      totalIsEstimate: false,
      offset: 1,
      mentions: [
        { id: 1, channel: 'x', author: { handle: 'jan_de_vries' }, createdAt: new Date(2026, 0, 10, 12).toISOString() },
      ],
    });
    expect(searchMentions(db, { query: '', limit: 2 })).toMatchObject({
      total: MENTIONS.length,
      mentions: [{ id: 8 }, { id: 4 }],
    });
  });

  it('ranks only the most recently stored matches of a broad query, and says so', () => {
    const narrow = new MentionSearch(db, { relevanceWindow: 2 });
    const result = narrow.search({ query: 'wifi OR storing', limit: 10, sort: 'relevance' });
    expect(result.rankedWithin).toBe(2);
    expect(sorted(result.mentions.map((m) => m.id))).toEqual([7, 10]);
    expect(result.total).toBe(5);
  });
});

describe('searchMentions: mistakes and attacks', () => {
  it('turns a syntax error into invalid_input with the column', () => {
    expect(() => find('storing AND')).toThrow(
      new WatchpostError('invalid_input', 'column 12: expected a term after AND'),
    );
  });

  it.each([
    '"); DROP TABLE mentions; --',
    "'; DROP TABLE mentions; --",
    'a" OR "b',
    'NEAR(',
    '*',
    '^',
    ':',
    'storing" OR rowid > 0 OR "',
    'text:storing',
    'channel:"x\' OR 1=1 --"',
    'author:"\'); DELETE FROM authors; --"',
    '#fail%',
    '@%',
    'topic:"%"',
  ])('%s gives a clean syntax error or a harmless search', (query) => {
    try {
      searchMentions(db, { query, limit: 10 });
      searchMentions(db, { query, limit: 10, sort: 'relevance' });
    } catch (err) {
      expect(err).toBeInstanceOf(WatchpostError);
      expect((err as WatchpostError).code).toBe('invalid_input');
      expect((err as WatchpostError).message).toMatch(/^column \d+: /);
    }
    expect(db.prepare('SELECT count(*) AS n FROM mentions').get()).toEqual({ n: MENTIONS.length });
    expect(db.prepare('SELECT count(*) AS n FROM authors').get()).toEqual({ n: MENTIONS.length });
  });

  it('searches for a quoted attack as the words it contains', () => {
    expect(find('"a\\" OR \\"b"')).toEqual([]);
    expect(find('"storing\\" OR \\"koffie"')).toEqual([]);
  });
});
