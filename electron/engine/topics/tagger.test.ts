import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WatchpostError } from '../../../shared/api/result';
import { ensureSource, MentionWriter, type NewMention } from '../mentions/write';
import { MentionSearch } from '../search/search';
import { openMemoryWorkspace, type Db } from '../store/db';
import { compileTopicQuery, TopicTagger } from './tagger';

const WORDS = ['storing', 'glasvezel', 'café', 'wifi', 'trein', 'de', 'het', 'lantaarn', 'kapot', 'fijn'];
const CHANNELS = ['x', 'facebook', 'mastodon', 'forum'] as const;
const COUNT = 1500;

let db: Db;

/** A deterministic corpus: words from a small vocabulary, some hashtags and handles, four channels. */
function corpus(): NewMention[] {
  let seed = 11;
  const random = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: COUNT }, (_, i) => {
    const words = Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(WORDS));
    if (random() < 0.15) words.push('#storing');
    if (random() < 0.1) words.push('@gemeente');
    return {
      sourceId: 1,
      channel: pick(CHANNELS),
      externalId: `t${i}`,
      url: null,
      author: { handle: pick(['gemeente', 'jan', 'piet']), displayName: null, followers: 0, location: null },
      text: words.join(' '),
      lang: pick(['nl', 'en'] as const),
      createdAt: Date.UTC(2026, 0, 1) + Math.floor(random() * 300) * 86_400_000,
      fetchedAt: 0,
      parentExternalId: null,
      conversationId: null,
      reach: Math.floor(random() * 5000),
      geo: null,
      sentiment: { label: pick(['positive', 'neutral', 'negative'] as const), score: 0 },
      priority: 0,
      raw: null,
    };
  });
}

beforeAll(() => {
  db = openMemoryWorkspace();
  const sourceId = ensureSource(db, 'test', 'corpus');
  const writer = new MentionWriter(db);
  db.transaction(() => writer.write(corpus().map((m) => ({ ...m, sourceId }))))();
  db.prepare(
    "INSERT INTO topics (id, name, query, colour, created_at, updated_at) VALUES (1, 'Probe', 'x', '#2f6fde', 0, 0)",
  ).run();
});

afterAll(() => db.close());

const QUERIES = [
  'storing',
  'storing glasvezel',
  'storing OR wifi',
  'cafe',
  'stor*',
  '"de storing"',
  'lantaarn NEAR/2 kapot',
  'storing NOT wifi',
  'NOT storing',
  '#storing',
  '@gemeente',
  'channel:x',
  'channel:forum OR trein',
  '(wifi OR channel:x) NOT kapot',
  'sentiment:negative reach:>1000',
  'author:jan after:2026-06-01',
  'NOT (storing OR wifi) lang:en',
];

const tagged = (): number[] =>
  db.prepare<[], number>('SELECT mention_id FROM mention_topics WHERE topic_id = 1 ORDER BY mention_id').pluck().all();

describe('tagging a topic by id ranges', () => {
  it('tags exactly what a search for the same query finds, whatever the chunk size and word test', () => {
    const tagger = new TopicTagger(db);
    const search = new MentionSearch(db);
    fc.assert(
      fc.property(
        fc.constantFrom(...QUERIES),
        fc.integer({ min: 1, max: 700 }),
        fc.constantFrom('set' as const, 'lazy' as const),
        (query, chunk, membership) => {
          const compiled = compileTopicQuery(query, () => membership);
          db.prepare('DELETE FROM mention_topics').run();
          for (let to = COUNT; to >= 1; to -= chunk) tagger.retag(1, compiled, Math.max(1, to - chunk + 1), to);
          const found = search.search({ query, limit: COUNT }).mentions.map((m) => m.id);
          expect(found.length, query).toBeGreaterThan(0);
          expect(tagged(), query).toEqual(found.sort((a, b) => a - b));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('replaces the tags of a range when the query changes, and leaves other ranges alone', () => {
    const tagger = new TopicTagger(db);
    db.prepare('DELETE FROM mention_topics').run();
    tagger.tag(
      1,
      compileTopicQuery('storing', () => 'lazy'),
      1,
      COUNT,
    );
    const before = tagged();
    tagger.retag(
      1,
      compileTopicQuery('wifi', () => 'lazy'),
      1,
      500,
    );
    const after = tagged();
    expect(after.filter((id) => id > 500)).toEqual(before.filter((id) => id > 500));
    const wifi = new MentionSearch(db).search({ query: 'wifi', limit: COUNT }).mentions.map((m) => m.id);
    expect(after.filter((id) => id <= 500)).toEqual(wifi.filter((id) => id <= 500).sort((a, b) => a - b));
  });

  it('refuses a query with a mistake, naming the column', () => {
    expect(() => compileTopicQuery('storing AND ', () => 'set')).toThrow(
      new WatchpostError('invalid_input', 'query: column 13: expected a term after AND'),
    );
  });
});
