import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { MentionFilter } from '../../../shared/api/inbox';
import { Engine } from '../engine';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { EXACT_ON_PAGE_BELOW } from './counts';
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
  status: string;
  sentiment: string;
  priority: number;
  reach: number;
  created_at: number;
}

function expected(filter: MentionFilter, sort: 'newest' | 'oldest' | 'priority'): number[] {
  const rows = (
    engine.db
      .prepare('SELECT id, channel, status, sentiment, priority, reach, created_at FROM mentions')
      .all() as Plain[]
  ).filter(
    (m) =>
      (!filter.channel || filter.channel.includes(m.channel as 'x')) &&
      (!filter.status || filter.status.includes(m.status as 'new')) &&
      (!filter.sentiment || filter.sentiment.includes(m.sentiment as 'negative')) &&
      (filter.reachMin === undefined || m.reach >= filter.reachMin),
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
