import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryNode, WordNode } from '../../../shared/query/ast';
import { queryTree } from '../../../shared/query/arbitrary.testkit';
import { compileQuery, toWhere } from '../../../shared/query/compile';
import { printQuery } from '../../../shared/query/print';
import { ensureSource, MentionWriter, type NewMention } from '../mentions/write';
import { openMemoryWorkspace, type Db } from '../store/db';
import { matches, type OracleMention } from './oracle.testkit';
import { MentionSearch } from './search';

/**
 * A corpus where some words are in most mentions (so searches walk the time index) and others in a
 * few (so searches sort all matches), created in an order unrelated to the ids, with ties in time.
 */
const COMMON = ['de', 'het'];
const MIDDLE = ['storing', 'glasvezel', 'café', 'wifi', 'trein'];
const RARE = ['coördinatie', 'één', 'stratumseind', 'eindhoven', 'fail', 'koffie', 'slecht', 'goed'];
const CHANNELS = ['x', 'facebook', 'mastodon', 'forum'] as const;
const HANDLES = ['user1', 'user2', 'User3', 'gemeente', 'jan.jansen'];
const START = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

function corpus(count: number): OracleMention[] {
  let seed = 7;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const text: string[] = [];
    for (let w = 0; w < 4 + Math.floor(random() * 8); w++) {
      const r = random();
      text.push(r < 0.3 ? pick(COMMON) : r < 0.6 ? pick(MIDDLE) : pick(RARE));
    }
    if (random() < 0.1) text.push(`#${pick(['storing', 'fail'])}`);
    if (random() < 0.1) text.push(`@${pick(HANDLES)}`);
    return {
      id: i + 1,
      text: text.join(' '),
      channel: pick(CHANNELS),
      lang: pick(['nl', 'en', null]),
      sentiment: pick(['positive', 'neutral', 'negative', null]),
      status: pick(['new', 'open', 'resolved']),
      assignee: pick([null, 'anna', 'Bram']),
      handle: pick(HANDLES),
      reach: Math.floor(random() * 10_000),
      createdAt: START + Math.floor(random() * 400) * DAY,
      topics: random() < 0.2 ? ['Glasvezel'] : [],
    };
  });
}

const MENTIONS = corpus(2500);
let db: Db;

beforeAll(() => {
  db = openMemoryWorkspace();
  const sourceId = ensureSource(db, 'file', 'corpus');
  const writer = new MentionWriter(db);
  const rows: NewMention[] = MENTIONS.map((m) => ({
    sourceId,
    channel: m.channel as NewMention['channel'],
    externalId: `c${m.id}`,
    url: null,
    author: { handle: m.handle, displayName: null, followers: 0, location: null },
    text: m.text,
    lang: m.lang as NewMention['lang'],
    createdAt: m.createdAt,
    fetchedAt: m.createdAt,
    parentExternalId: null,
    conversationId: null,
    reach: m.reach,
    geo: null,
    sentiment: m.sentiment ? { label: m.sentiment as 'positive', score: 0 } : null,
    priority: 0,
    status: m.status as NewMention['status'],
    assignee: m.assignee,
    raw: null,
  }));
  db.transaction(() => writer.write(rows))();
  const topic = db
    .prepare(
      "INSERT INTO topics (name, query, colour, created_at, updated_at) VALUES ('Glasvezel', 'glasvezel', '#000', 0, 0) RETURNING id",
    )
    .get() as { id: number };
  const tag = db.prepare('INSERT INTO mention_topics (mention_id, topic_id) VALUES (?, ?)');
  for (const m of MENTIONS) if (m.topics.length) tag.run(m.id, topic.id);
});

afterAll(() => db.close());

const vocabulary = [...COMMON, ...MIDDLE, ...RARE];
const word: fc.Arbitrary<WordNode> = fc.oneof(
  fc.record({ kind: fc.constant('term' as const), text: fc.constantFrom(...vocabulary), prefix: fc.constant(false) }),
  fc.record({
    kind: fc.constant('term' as const),
    text: fc.constantFrom('st', 'gla', 'co', 'e', 'caf'),
    prefix: fc.constant(true),
  }),
  fc.record({
    kind: fc.constant('phrase' as const),
    text: fc.constantFrom('de het', 'storing de', 'cafe wifi', 'het', 'glasvezel trein'),
  }),
);

/** Trees over the corpus' own words and values, so that most of them find something. */
const corpusTree: fc.Arbitrary<QueryNode> = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    word,
    word,
    fc.record({
      kind: fc.constant('near' as const),
      left: word,
      right: word,
      distance: fc.integer({ min: 0, max: 4 }),
    }),
    fc.record({ kind: fc.constant('hashtag' as const), tag: fc.constantFrom('storing', 'fail', 'Storing') }),
    fc.record({ kind: fc.constant('handle' as const), handle: fc.constantFrom(...HANDLES, 'user3') }),
    fc.record({
      kind: fc.constant('field' as const),
      field: fc.constant('channel' as const),
      value: fc.constantFrom(...CHANNELS),
    }),
    fc.record({
      kind: fc.constant('field' as const),
      field: fc.constant('lang' as const),
      value: fc.constantFrom('nl', 'en'),
    }),
    fc.record({
      kind: fc.constant('field' as const),
      field: fc.constant('sentiment' as const),
      value: fc.constantFrom('positive', 'negative'),
    }),
    fc.record({
      kind: fc.constant('field' as const),
      field: fc.constant('status' as const),
      value: fc.constantFrom('new', 'open'),
    }),
    fc.record({
      kind: fc.constant('field' as const),
      field: fc.constant('assignee' as const),
      value: fc.constantFrom('ANNA', 'bram'),
    }),
    fc.record({
      kind: fc.constant('field' as const),
      field: fc.constant('author' as const),
      value: fc.constantFrom('user3', '@gemeente'),
    }),
    fc.record({
      kind: fc.constant('field' as const),
      field: fc.constant('topic' as const),
      value: fc.constantFrom('glasvezel', 'Onbekend'),
    }),
    fc.record({
      kind: fc.constant('date' as const),
      field: fc.constantFrom('after' as const, 'before' as const),
      value: fc.constantFrom('2025-03-01T00:00Z', '2025-09-15T00:00Z'),
    }),
    fc.record({
      kind: fc.constant('reach' as const),
      op: fc.constantFrom('>' as const, '<=' as const),
      value: fc.constantFrom(100, 5000),
    }),
    fc.record({ kind: fc.constant('not' as const), child: tie('node') }),
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      children: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
    }),
  ),
})).node;

function newestFirst(a: OracleMention, b: OracleMention): number {
  return b.createdAt - a.createdAt || b.id - a.id;
}

describe('the compiled query on a real workspace', () => {
  it('prepares and runs for any query tree, and both ways of testing words agree', () => {
    const search = new MentionSearch(db, { relevanceWindow: 50 });
    fc.assert(
      fc.property(
        queryTree,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        (tree, offset, limit) => {
          const query = printQuery(tree);
          const compiled = compileQuery(tree);
          if (compiled.match !== null)
            db.prepare('SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH ?').get(compiled.match);
          const count = (membership: 'set' | 'lazy'): unknown => {
            const where = toWhere(compiled, membership);
            return db.prepare(`SELECT count(*) AS n FROM mentions m WHERE ${where.sql}`).get(...where.params);
          };
          expect(count('lazy'), query).toEqual(count('set'));
          search.search({ query, limit, offset });
          search.search({ query, limit, offset, sort: 'relevance' });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds exactly what the query means, newest first, whichever way the search runs', () => {
    // The second gives up on sorted matches after one batch of filter checks and walks instead; the third
    // reads every match in stored order (ids here do not follow time, so each page must be proven).
    const searches = [
      new MentionSearch(db),
      new MentionSearch(db, { maxSortedChecks: 1 }),
      new MentionSearch(db, { sortAllBelow: 1 }),
    ];
    fc.assert(
      fc.property(corpusTree, fc.constantFrom(7, 20, 100), fc.constantFrom(0, 1, 2), (tree, limit, which) => {
        const search = searches[which] as MentionSearch;
        const query = printQuery(tree);
        const expected = MENTIONS.filter((m) => matches(tree, m))
          .sort(newestFirst)
          .map((m) => m.id);
        const found: number[] = [];
        for (let offset = 0; offset < Math.min(expected.length + 1, 3 * limit); offset += limit) {
          const page = search.search({ query, limit, offset });
          expect(page.total, query).toBe(expected.length);
          expect(page.totalIsEstimate).toBe(false);
          found.push(...page.mentions.map((m) => m.id));
        }
        expect(found, query).toEqual(expected.slice(0, found.length));
        expect(found.length).toBe(Math.min(expected.length, 3 * limit));
        const ranked = search.search({ query, limit: 3000, sort: 'relevance' });
        expect(
          ranked.mentions.map((m) => m.id).sort((a, b) => a - b),
          query,
        ).toEqual([...expected].sort((a, b) => a - b));
      }),
      {
        numRuns: 200,
        // Sure to cover each plan: a word in most mentions (walk), with a filter (walk + sampled count),
        // rare words (sort all matches), with a filter, and words mixed with fields under OR and NOT.
        examples: [
          [term('de'), 7, 0],
          [{ kind: 'and', children: [term('de'), { kind: 'field', field: 'channel', value: 'x' }] }, 20, 0],
          [term('koffie'), 7, 0],
          [{ kind: 'and', children: [term('koffie'), { kind: 'field', field: 'lang', value: 'en' }] }, 100, 0],
          [{ kind: 'and', children: [term('koffie'), { kind: 'field', field: 'lang', value: 'en' }] }, 100, 1],
          [{ kind: 'or', children: [term('de'), { kind: 'field', field: 'channel', value: 'forum' }] }, 20, 0],
          [{ kind: 'not', child: term('de') }, 20, 0],
          [term('de'), 7, 2],
          [{ kind: 'and', children: [term('de'), { kind: 'field', field: 'channel', value: 'x' }] }, 20, 2],
          [term('koffie'), 100, 2],
        ],
      },
    );
    // Three ways of searching, 200 trees each: give a busy machine time.
  }, 120_000);
});

function term(text: string): QueryNode {
  return { kind: 'term', text, prefix: false };
}
