import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { MentionFilter } from '../../../shared/api/inbox';
import { Engine } from '../engine';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { COUNT_ANY_FILTER_UP_TO, EXACT_ON_PAGE_BELOW, filterCounts } from './counts';
import { orderedIds } from './order';
import { callEngine } from '../testing/workspace';

/**
 * Past EXACT_ON_PAGE_BELOW matches a page estimates its total and reads along the order's index (the small
 * inbox.test.ts workspace never gets there): the rows must still be exactly the right ones, in order.
 */
let engine: Engine;
const SIZE = EXACT_ON_PAGE_BELOW + 2500;
const CHANNELS = ['x', 'facebook', 'mastodon', 'rss'] as const;
const STATUSES = ['resolved', 'archived', 'resolved', 'new', 'open', 'archived', 'waiting'] as const;
const BASE = Date.parse('2025-01-01T00:00:00Z');

beforeAll(() => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
  storeMentions(
    engine.db,
    Array.from({ length: SIZE }, (_, i) =>
      sampleMention({
        externalId: `m${i}`,
        channel: CHANNELS[i % 4],
        // times mostly follow ids, with every 9th mention stored late (an import of older posts)
        createdAt: BASE + (i % 9 === 0 ? i * 1000 : i * 60_000) + (i % 5) * 7,
        status: STATUSES[i % 7],
        lang: i % 5 === 0 ? 'en' : 'nl',
        text: i % 6 === 0 ? 'Storing bij glasvezel in de wijk' : 'De verlichting op het plein is weer kapot',
        sentiment: { label: i % 3 === 0 ? 'negative' : 'neutral', score: 0 },
        priority: (i * 37) % 100,
        reach: (i * 131) % 20_000,
      }),
    ),
  );
}, 60_000);
afterAll(() => engine.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callEngine(engine, method, input);

interface Plain {
  id: number;
  channel: string;
  lang: string;
  text: string;
  status: string;
  sentiment: string;
  priority: number;
  reach: number;
  created_at: number;
}

function expected(filter: MentionFilter, sort: 'newest' | 'oldest' | 'priority'): number[] {
  const rows = (
    engine.db
      .prepare('SELECT id, channel, lang, text, status, sentiment, priority, reach, created_at FROM mentions')
      .all() as Plain[]
  ).filter(
    (m) =>
      (!filter.channel || filter.channel.includes(m.channel as 'x')) &&
      (!filter.status || filter.status.includes(m.status as 'new')) &&
      (!filter.sentiment || filter.sentiment.includes(m.sentiment as 'negative')) &&
      (filter.reachMin === undefined || m.reach >= filter.reachMin) &&
      (!filter.lang || filter.lang.includes(m.lang as 'nl')) &&
      (filter.priorityMin === undefined || m.priority >= filter.priorityMin) &&
      (filter.from === undefined || m.created_at >= Date.parse(filter.from)) &&
      (filter.to === undefined || m.created_at < Date.parse(filter.to)) &&
      (filter.query === undefined || m.text.toLowerCase().includes(filter.query)),
  );
  const newest = (a: Plain, b: Plain) => b.created_at - a.created_at || b.id - a.id;
  rows.sort(
    sort === 'oldest'
      ? (a, b) => -newest(a, b)
      : sort === 'priority'
        ? (a, b) => b.priority - a.priority || newest(a, b)
        : newest,
  );
  return rows.map((m) => m.id);
}

describe('mentions.list past the exact-count limit', () => {
  const cases: [MentionFilter, 'newest' | 'oldest' | 'priority'][] = [
    [{}, 'newest'],
    [{}, 'priority'],
    [{ channel: ['x', 'facebook', 'rss'] }, 'newest'],
    [{ status: ['resolved', 'archived'] }, 'oldest'],
    [{ status: ['resolved', 'archived'] }, 'priority'],
    [{ status: ['new', 'open', 'waiting'], sentiment: ['negative'], reachMin: 5000 }, 'priority'],
  ];
  let estimated = false;
  for (const [filter, sort] of cases) {
    it(`pages exactly through ${JSON.stringify(filter)} sorted ${sort}; the total is estimated, then counted`, async () => {
      const want = expected(filter, sort);
      for (const offset of [0, 100, Math.max(0, want.length - 50)]) {
        const page = await call('mentions.list', { filter, sort, offset, limit: 100 });
        expect(page.rows.map((r) => r.id)).toEqual(want.slice(offset, offset + 100));
        // A large total is estimated until inbox.count counted it (the same filter sorted another way shares it).
        if (page.totalIsEstimate) {
          expect(want.length).toBeGreaterThanOrEqual(EXACT_ON_PAGE_BELOW);
          expect(Math.abs(page.total - want.length) / want.length).toBeLessThan(0.15);
        } else expect(page.total).toBe(want.length);
        estimated ||= page.totalIsEstimate;
      }
      expect((await call('inbox.count', { filter })).total).toBe(want.length);
      const counted = await call('mentions.list', { filter, sort, limit: 100 });
      expect(counted).toMatchObject({ total: want.length, totalIsEstimate: false });
    });
  }
  it('estimated at least one large total', () => expect(estimated).toBe(true));
});

describe('first pages of a workspace too large to count any filter on the spot', () => {
  // As past COUNT_ANY_FILTER_UP_TO mentions: a first page counts only what one index counts alone, or what
  // decides its plan; other totals are estimated. Rows must be exactly the same.
  const day = 86_400_000;
  const cases: [MentionFilter, 'newest' | 'oldest' | 'priority'][] = [
    [{ channel: ['mastodon'], sentiment: ['negative'] }, 'newest'],
    [{ channel: ['mastodon'], sentiment: ['negative'] }, 'priority'],
    [{ sentiment: ['neutral'], lang: ['en'] }, 'priority'],
    [{ lang: ['en'] }, 'oldest'],
    [{ priorityMin: 70, channel: ['x'] }, 'newest'],
    [{ from: new Date(BASE + 30 * day).toISOString(), to: new Date(BASE + 60 * day).toISOString() }, 'priority'],
    [{ from: new Date(BASE + 30 * day).toISOString(), sentiment: ['negative'] }, 'oldest'],
    [{ query: 'glasvezel', channel: ['rss', 'x'] }, 'priority'],
    [{ query: 'glasvezel' }, 'newest'],
    // Words in most mentions (past FULL_TEXT_WALK_FROM): read along the order's index, tested against the matches.
    [{ query: 'verlichting', channel: ['mastodon'] }, 'priority'],
    [{ query: 'verlichting', priorityMin: 90 }, 'oldest'],
    [{ channel: ['x'] }, 'priority'],
    // Along the priority index, which carries every column these test (migration 10): no row looked up.
    [{ channel: ['mastodon'], lang: ['en'] }, 'priority'],
    [{ channel: ['x', 'rss'], status: ['resolved'], reachMin: 5000 }, 'priority'],
    [{ sentiment: ['negative'] }, 'priority'],
    // Rare on the priority index: counted exactly and sorted.
    [{ priorityMin: 95, lang: ['en'] }, 'priority'],
    // A search whose words most mentions hold (past FULL_TEXT_WALK_FROM), of which the filter keeps few or
    // none: the order's index is walked to the end (or the page) testing each entry.
    [{ query: 'verlichting', lang: ['en'], channel: ['facebook'], priorityMin: 90 }, 'newest'],
    [{ query: 'verlichting', lang: ['en'], channel: ['facebook'], sentiment: ['negative'], priorityMin: 95 }, 'oldest'],
    [{ query: 'glasvezel', lang: ['en'], channel: ['facebook'] }, 'oldest'],
  ];
  let firstEstimated = false;
  for (const [filter, sort] of cases) {
    it(`pages exactly through ${JSON.stringify(filter)} sorted ${sort}`, async () => {
      filterCounts(engine.db).clear();
      orderedIds(engine.db).clear();
      filterCounts(engine.db).countAnyFilterUpTo = 0;
      try {
        const want = expected(filter, sort);
        const first = await call('mentions.list', { filter, sort, limit: 100 });
        expect(first.rows.map((r) => r.id)).toEqual(want.slice(0, 100));
        firstEstimated ||= first.totalIsEstimate;
        if (first.totalIsEstimate) expect(first.total).toBeGreaterThanOrEqual(Math.min(want.length, 101));
        else expect(first.total).toBe(want.length);
        const snapshot = { ...filter, maxId: first.maxId };
        for (const offset of [100, Math.floor(want.length / 2), Math.max(0, want.length - 50)]) {
          const page = await call('mentions.list', { filter: snapshot, sort, offset, limit: 100 });
          expect(
            page.rows.map((r) => r.id),
            `offset ${offset}`,
          ).toEqual(want.slice(offset, offset + 100));
        }
        expect((await call('inbox.count', { filter: snapshot })).total).toBe(want.length);
      } finally {
        filterCounts(engine.db).countAnyFilterUpTo = COUNT_ANY_FILTER_UP_TO;
      }
    });
  }

  it('estimated at least one first page instead of counting it', () => expect(firstEstimated).toBe(true));

  it('still counts exactly what one index counts alone', async () => {
    filterCounts(engine.db).clear();
    filterCounts(engine.db).countAnyFilterUpTo = 0;
    try {
      const filter: MentionFilter = { channel: ['mastodon'] };
      const page = await call('mentions.list', { filter, sort: 'newest', limit: 100 });
      expect(page).toMatchObject({ total: expected(filter, 'newest').length, totalIsEstimate: false });
    } finally {
      filterCounts(engine.db).countAnyFilterUpTo = COUNT_ANY_FILTER_UP_TO;
    }
  });
});
