import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { MentionFilter, MentionSort } from '../../../shared/api/inbox';
import { Engine } from '../engine';
import { Statements } from '../search/statements';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { EXACT_ON_PAGE_BELOW } from './counts';
import { filterKey, filterSource, filterWhere } from './filter-sql';
import { nextChunk, ORDER_BY, OrderedIds, type ChunkState } from './order';
import { callEngine } from '../testing/workspace';

/**
 * The ordered id lists must give exactly the pages OFFSET gives for the same snapshot: in every sort, for
 * lists read along an index in chunks (and still being read) and lists sorted in one go, and after
 * workflow changes that move mentions in and out of a status filter or change a priority.
 */
let engine: Engine;
let sql: Statements;
const SIZE = EXACT_ON_PAGE_BELOW + 2500;
const CHANNELS = ['x', 'facebook', 'mastodon', 'rss'] as const;
const STATUSES = ['resolved', 'archived', 'resolved', 'new', 'open', 'archived', 'waiting'] as const;
const BASE = Date.parse('2025-01-01T00:00:00Z');
const SORTS: MentionSort[] = ['newest', 'oldest', 'priority'];

beforeAll(() => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
  sql = new Statements(engine.db);
  storeMentions(
    engine.db,
    Array.from({ length: SIZE }, (_, i) =>
      sampleMention({
        externalId: `m${i}`,
        channel: CHANNELS[i % 4],
        // Four mentions share each time (ties broken by id), every 9th is stored late with an older time.
        createdAt: BASE + (i % 9 === 0 ? i * 100 : Math.floor(i / 4) * 60_000),
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

const top = () => sql.count('SELECT max(id) AS n FROM mentions');

/** What OFFSET reads for the page: the reference. */
function offsetPage(filter: MentionFilter, sort: MentionSort, snapshot: number, offset: number, limit: number) {
  const where = filterWhere(filter, undefined, sql);
  return sql.ids(
    `SELECT m.id FROM mentions m WHERE ${where.sql} AND m.id <= ? ORDER BY ${ORDER_BY[sort]} LIMIT ? OFFSET ?`,
    ...where.params,
    snapshot,
    limit,
    offset,
  );
}

function countOf(filter: MentionFilter, snapshot: number): number {
  const where = filterWhere(filter, undefined, sql);
  return sql.count(`SELECT count(*) AS n FROM mentions m WHERE ${where.sql} AND m.id <= ?`, ...where.params, snapshot);
}

/** A list read in chunks of 97 ids, one chunk per slice, so tests see it half read. */
function startList(orders: OrderedIds, filter: MentionFilter, sort: MentionSort, snapshot: number, sorted = false) {
  const where = filterWhere(filter, undefined, sql);
  const index = sorted
    ? null
    : filterSource(filter, sort) || ` INDEXED BY ${sort === 'priority' ? 'mentions_priority' : 'mentions_created'}`;
  const key = filterKey(filter, undefined);
  orders.start(key, sort, snapshot, { where, index });
  return key;
}

/** A few mentions change status the way the workflow writes it (version bumped), then the lists hear of it. */
function setStatus(orders: OrderedIds | null, ids: number[], status: string): void {
  const update = engine.db.prepare('UPDATE mentions SET status = ?, version = version + 1 WHERE id = ?');
  for (const id of ids) update.run(status, id);
  orders?.changed(ids);
}

const FILTERS: MentionFilter[] = [
  {},
  { status: ['resolved', 'archived'] },
  { channel: ['x', 'rss'], sentiment: ['negative'] },
  { status: ['new', 'open', 'waiting'] },
];

describe('ordered id lists', () => {
  for (const sort of SORTS) {
    for (const filter of FILTERS) {
      it(`page like OFFSET in ${JSON.stringify(filter)} by ${sort}, while read, after status changes, and read to the end`, async () => {
        const orders = new OrderedIds(engine.db, { chunk: 97, sliceMs: 0 });
        const snapshot = top();
        const key = startList(orders, filter, sort, snapshot);
        const total = countOf(filter, snapshot);
        // While being read: a page ahead of what is read is read up to on the spot.
        for (const offset of [0, 150, Math.floor(total / 2), total - 60, total - 1, total + 5]) {
          expect(orders.slice(key, sort, snapshot, offset, 101), `offset ${offset}`).toEqual(
            offsetPage(filter, sort, snapshot, offset, 101),
          );
        }
        // Status changes on both sides of where reading has got to (a new list is half read).
        const fresh = new OrderedIds(engine.db, { chunk: 97, sliceMs: 0 });
        const freshKey = startList(fresh, filter, sort, snapshot);
        fresh.slice(freshKey, sort, snapshot, Math.floor(total / 3), 1);
        const inList = offsetPage(filter, sort, snapshot, 0, total);
        const leaving = [inList[3], inList[Math.floor(total / 3)], inList[total - 2]].filter(
          (id): id is number => id !== undefined,
        );
        const outside = sql.ids('SELECT id FROM mentions WHERE id % 211 = 0 ORDER BY id');
        const statusOf = engine.db.prepare<[number], { status: string }>('SELECT status FROM mentions WHERE id = ?');
        const was = new Map([...leaving, ...outside].map((id) => [id, statusOf.get(id)?.status ?? 'new'] as const));
        setStatus(null, leaving, 'spam');
        setStatus(null, outside, 'open');
        orders.changed([...leaving, ...outside]);
        fresh.changed([...leaving, ...outside]);
        const after = countOf(filter, snapshot);
        for (const list of [
          { orders, key },
          { orders: fresh, key: freshKey },
        ]) {
          for (const offset of [0, 2, Math.floor(after / 3) - 50, Math.floor(after / 2), after - 70]) {
            expect(list.orders.slice(list.key, sort, snapshot, offset, 101), `offset ${offset}`).toEqual(
              offsetPage(filter, sort, snapshot, Math.max(0, offset), 101),
            );
          }
          expect(await list.orders.total(list.key, snapshot)).toBe(after);
          expect(list.orders.slice(list.key, sort, snapshot, 0, after + 10)).toEqual(
            offsetPage(filter, sort, snapshot, 0, after + 10),
          );
        }
        // Back as they were, for the next case.
        for (const [id, status] of was) setStatus(null, [id], status);
      });
    }
  }

  it('sorts a small filter in one go and follows a priority change', async () => {
    const orders = new OrderedIds(engine.db, { chunk: 97, sliceMs: 0 });
    const filter: MentionFilter = { status: ['waiting'], channel: ['x'] };
    const snapshot = top();
    const key = startList(orders, filter, 'priority', snapshot, true);
    const total = countOf(filter, snapshot);
    expect(await orders.total(key, snapshot)).toBe(total);
    expect(orders.knownTotal(key, 'priority', snapshot)).toBe(total);
    const moved = offsetPage(filter, 'priority', snapshot, 0, total).filter((_, i) => i % 17 === 0);
    const before = new Map(
      moved.map((id) => [id, sql.count('SELECT priority AS n FROM mentions WHERE id = ?', id)] as const),
    );
    const setPriority = engine.db.prepare('UPDATE mentions SET priority = ? WHERE id = ?');
    moved.forEach((id, i) => setPriority.run((i * 53) % 100, id));
    orders.changed(moved);
    expect(orders.slice(key, 'priority', snapshot, 0, total + 1)).toEqual(
      offsetPage(filter, 'priority', snapshot, 0, total + 1),
    );
    for (const [id, priority] of before) setPriority.run(priority, id);
  });

  it('turns a newest-first list read to the end around for oldest first, and both follow changes', async () => {
    const orders = new OrderedIds(engine.db, { chunk: 97, sliceMs: 0 });
    const filter: MentionFilter = { status: ['resolved', 'archived'] };
    const snapshot = top();
    const key = startList(orders, filter, 'newest', snapshot);
    orders.slice(key, 'newest', snapshot, SIZE, 1);
    startList(orders, filter, 'oldest', snapshot);
    const total = countOf(filter, snapshot);
    // Turned around right after the page that asked for it, without reading the store again.
    await new Promise((resolve) => setImmediate(resolve));
    expect(orders.knownTotal(key, 'oldest', snapshot)).toBe(total);
    const moved = offsetPage(filter, 'oldest', snapshot, 0, total).filter((_, i) => i % 101 === 5);
    setStatus(orders, moved, 'open');
    for (const sort of ['newest', 'oldest'] as const) {
      expect(orders.slice(key, sort, snapshot, 0, total)).toEqual(offsetPage(filter, sort, snapshot, 0, total));
    }
    setStatus(null, moved, 'resolved');
  });

  it('starts reading in the background only after a while, or when a page or the total is asked for', async () => {
    const orders = new OrderedIds(engine.db, { sliceMs: 0, startAfterMs: 30 });
    const snapshot = top();
    const filter: MentionFilter = { channel: ['x', 'rss'], sentiment: ['negative'] };
    const key = startList(orders, filter, 'newest', snapshot);
    const total = countOf(filter, snapshot);
    // Nothing read on the first page's time, nor right after it.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(orders.knownTotal(key, 'newest', snapshot)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 60));
    for (let i = 0; i < 200 && orders.knownTotal(key, 'newest', snapshot) === undefined; i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(orders.knownTotal(key, 'newest', snapshot)).toBe(total);
    // With a long wait: the total asked for reads it at once, in default-sized (growing) chunks.
    const later = new OrderedIds(engine.db, { startAfterMs: 60_000 });
    const laterKey = startList(later, filter, 'priority', snapshot);
    expect(later.slice(laterKey, 'priority', snapshot, 1000, 101)).toEqual(
      offsetPage(filter, 'priority', snapshot, 1000, 101),
    );
    expect(await later.total(laterKey, snapshot)).toBe(total);
    expect(later.slice(laterKey, 'priority', snapshot, 0, total)).toEqual(
      offsetPage(filter, 'priority', snapshot, 0, total),
    );
    later.clear();
  });

  it('reads no list the operator has moved on from, and a list shown again waits like a new one', async () => {
    const orders = new OrderedIds(engine.db, { sliceMs: 0, startAfterMs: 30 });
    const snapshot = top();
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const left: MentionFilter = { channel: ['x', 'rss'], sentiment: ['negative'] };
    const picked: MentionFilter = { sentiment: ['positive'] };
    const leftKey = startList(orders, left, 'newest', snapshot);
    const pickedKey = startList(orders, picked, 'newest', snapshot);
    await settle();
    expect(orders.knownTotal(leftKey, 'newest', snapshot)).toBeUndefined();
    expect(orders.knownTotal(pickedKey, 'newest', snapshot)).toBe(countOf(picked, snapshot));

    // Back on the first list: its first page again, not read at once, then read after the wait.
    expect(orders.slice(leftKey, 'newest', snapshot, 0, 50)).toEqual(offsetPage(left, 'newest', snapshot, 0, 50));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(orders.knownTotal(leftKey, 'newest', snapshot)).toBeUndefined();
    await settle();
    expect(orders.knownTotal(leftKey, 'newest', snapshot)).toBe(countOf(left, snapshot));
    orders.clear();
  });

  it('reads the pages read ahead of the first on the spot, and the whole list only after the wait or further down', async () => {
    const orders = new OrderedIds(engine.db, { sliceMs: 0, startAfterMs: 40, readAheadWaitsUpTo: 500 });
    const snapshot = top();
    const ticks = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const filter: MentionFilter = { status: ['resolved', 'archived'] };
    const key = startList(orders, filter, 'oldest', snapshot);
    expect(orders.slice(key, 'oldest', snapshot, 0, 101)).toEqual(offsetPage(filter, 'oldest', snapshot, 0, 101));
    // The two pages read ahead: exact, and the list is not read on their account.
    expect(orders.slice(key, 'oldest', snapshot, 100, 101)).toEqual(offsetPage(filter, 'oldest', snapshot, 100, 101));
    expect(orders.slice(key, 'oldest', snapshot, 200, 101)).toEqual(offsetPage(filter, 'oldest', snapshot, 200, 101));
    await ticks(50);
    expect(orders.knownTotal(key, 'oldest', snapshot)).toBeUndefined();
    // Another list shown meanwhile, then a late read-ahead of the first one: the shown list is still read
    // after its wait (the late page does not stop it), and the one left is not.
    const shown: MentionFilter = { sentiment: ['negative'] };
    const shownKey = startList(orders, shown, 'newest', snapshot);
    expect(orders.slice(shownKey, 'newest', snapshot, 0, 101)).toEqual(offsetPage(shown, 'newest', snapshot, 0, 101));
    expect(orders.slice(key, 'oldest', snapshot, 300, 101)).toEqual(offsetPage(filter, 'oldest', snapshot, 300, 101));
    await new Promise((resolve) => setTimeout(resolve, 80));
    for (let i = 0; i < 400 && orders.knownTotal(shownKey, 'newest', snapshot) === undefined; i++) await ticks(1);
    expect(orders.knownTotal(shownKey, 'newest', snapshot)).toBe(countOf(shown, snapshot));

    // Further down than the read-ahead: the rest is read at once.
    const far = new OrderedIds(engine.db, { sliceMs: 0, startAfterMs: 60_000, readAheadWaitsUpTo: 500 });
    const farKey = startList(far, filter, 'priority', snapshot);
    expect(far.slice(farKey, 'priority', snapshot, 0, 101)).toEqual(offsetPage(filter, 'priority', snapshot, 0, 101));
    expect(far.slice(farKey, 'priority', snapshot, 400, 101)).toEqual(
      offsetPage(filter, 'priority', snapshot, 400, 101),
    );
    for (let i = 0; i < 400 && far.knownTotal(farKey, 'priority', snapshot) === undefined; i++) await ticks(1);
    expect(far.knownTotal(farKey, 'priority', snapshot)).toBe(countOf(filter, snapshot));
    orders.clear();
    far.clear();
  });

  it('reads a sentiment along its own part of the priority order', () => {
    const orders = new OrderedIds(engine.db, { chunk: 97, sliceMs: 0, startAfterMs: 60_000 });
    const snapshot = top();
    const filter: MentionFilter = { sentiment: ['neutral'], channel: ['x', 'mastodon'] };
    const key = filterKey(filter, undefined);
    const where = filterWhere(filter, undefined, sql);
    orders.start(key, 'priority', snapshot, { where, index: ' INDEXED BY mentions_sentiment_priority' });
    const total = countOf(filter, snapshot);
    for (const offset of [0, 300, total - 40]) {
      expect(orders.slice(key, 'priority', snapshot, offset, 101), `offset ${offset}`).toEqual(
        offsetPage(filter, 'priority', snapshot, offset, 101),
      );
    }
    orders.clear();
  });

  it('keeps the newest lists only', () => {
    const orders = new OrderedIds(engine.db, { keep: 2, startAfterMs: 60_000 });
    const snapshot = top();
    const keys = ([['x'], ['rss'], ['mastodon']] as const).map((channel) =>
      startList(orders, { channel: [...channel] }, 'newest', snapshot),
    );
    expect(orders.slice(keys[0] as string, 'newest', snapshot, 0, 10)).toBeUndefined();
    expect(orders.slice(keys[2] as string, 'newest', snapshot, 0, 10)).toEqual(
      offsetPage({ channel: ['mastodon'] }, 'newest', snapshot, 0, 10),
    );
    orders.clear();
  });

  it('sorts a small filter of an older snapshot in one go', () => {
    const orders = new OrderedIds(engine.db, { startAfterMs: 60_000 });
    const snapshot = top() - 700;
    const filter: MentionFilter = { status: ['waiting'], channel: ['rss'] };
    const key = startList(orders, filter, 'oldest', snapshot, true);
    const total = countOf(filter, snapshot);
    expect(orders.slice(key, 'oldest', snapshot, 0, total + 1)).toEqual(
      offsetPage(filter, 'oldest', snapshot, 0, total + 1),
    );
    orders.clear();
  });

  it('reads a page far beyond what is read on its own, exactly, also after changes', () => {
    for (const sort of SORTS) {
      for (const filter of [{}, { channel: ['x', 'rss'], sentiment: ['negative'] }] as MentionFilter[]) {
        const orders = new OrderedIds(engine.db, { chunk: 97, sliceMs: 0, jumpFrom: 300, startAfterMs: 60_000 });
        const snapshot = top();
        const key = startList(orders, filter, sort, snapshot);
        const total = countOf(filter, snapshot);
        // Far ahead of an empty list, then of a partly read one (a near page reads the list up to it).
        for (const offset of [2000, Math.floor(total / 2), 150, total - 60, Math.floor(total / 3), total + 5]) {
          expect(orders.slice(key, sort, snapshot, offset, 101), `${sort} offset ${offset}`).toEqual(
            offsetPage(filter, sort, snapshot, offset, 101),
          );
        }
        expect(orders.knownTotal(key, sort, snapshot)).toBeUndefined();
        // Mentions leave the list before and after where reading has got to.
        const all = offsetPage(filter, sort, snapshot, 0, total);
        const leaving = [all[5], all[Math.floor(total / 2)], all[total - 3]].filter(
          (id): id is number => id !== undefined,
        );
        const statusOf = engine.db.prepare<[number], { status: string }>('SELECT status FROM mentions WHERE id = ?');
        const was = leaving.map((id) => [id, statusOf.get(id)?.status ?? 'new'] as const);
        const filtered: MentionFilter = { ...filter, status: ['new', 'open', 'waiting', 'resolved', 'archived'] };
        const statusKey = startList(orders, filtered, sort, snapshot);
        orders.slice(statusKey, sort, snapshot, 120, 10);
        setStatus(orders, leaving, 'spam');
        const after = countOf(filtered, snapshot);
        for (const offset of [Math.floor(after / 2), after - 50, 1000]) {
          expect(orders.slice(statusKey, sort, snapshot, offset, 101), `${sort} offset ${offset}`).toEqual(
            offsetPage(filtered, sort, snapshot, offset, 101),
          );
        }
        for (const [id, status] of was) setStatus(null, [id], status);
        orders.clear();
      }
    }
  });

  it('takes a list a first page read whole as complete, reads nothing, and follows changes', async () => {
    const orders = new OrderedIds(engine.db, { startAfterMs: 60_000 });
    const snapshot = top();
    const filter: MentionFilter = { status: ['waiting'], channel: ['rss'] };
    const where = filterWhere(filter, undefined, sql);
    const key = filterKey(filter, undefined);
    const total = countOf(filter, snapshot);
    const whole = offsetPage(filter, 'newest', snapshot, 0, total);
    // A wrong condition: were the list read from the store, it would hold no id at all.
    orders.start(key, 'newest', snapshot, { where: { sql: '0', params: [] }, index: null }, whole);
    expect(orders.knownTotal(key, 'newest', snapshot)).toBe(total);
    expect(orders.slice(key, 'newest', snapshot, 0, total + 5)).toEqual(whole);
    expect(await orders.total(key, snapshot)).toBe(total);
    orders.clear();
    // With the true condition, a change moves mentions out of and into the list read whole.
    orders.start(key, 'newest', snapshot, { where, index: null }, whole);
    const leaving = [whole[1], whole[Math.floor(total / 2)]].filter((id): id is number => id !== undefined);
    const joining = sql.ids("SELECT id FROM mentions WHERE channel = 'rss' AND status = 'resolved' LIMIT 3");
    setStatus(orders, leaving, 'open');
    setStatus(orders, joining, 'waiting');
    expect(orders.slice(key, 'newest', snapshot, 0, total + 5)).toEqual(
      offsetPage(filter, 'newest', snapshot, 0, total + 5),
    );
    setStatus(null, leaving, 'waiting');
    setStatus(null, joining, 'resolved');
    orders.clear();
  });

  it('keeps to its snapshot: newer mentions are not in it', () => {
    const orders = new OrderedIds(engine.db, { chunk: 97, sliceMs: 0 });
    const snapshot = top() - 500;
    const key = startList(orders, {}, 'newest', snapshot);
    expect(orders.slice(key, 'newest', snapshot, 0, 300)).toEqual(offsetPage({}, 'newest', snapshot, 0, 300));
    expect(orders.slice(key, 'newest', snapshot + 1, 0, 10)).toBeUndefined();
  });
});

describe('background chunk sizes', () => {
  const run = (steps: [size: number, took: number][]) => {
    const state: ChunkState = { lastChunk: null, startUpBound: false };
    return steps.map(([size, took]) => nextChunk(state, size, took, 4096, 8));
  };

  it('keep a chunk near half a slice when its cost is a rate per id', () => {
    // 256 ids in 1 ms: four times as many next; 1024 in 16 ms: back to what fits 4 ms.
    expect(run([[256, 1]])).toEqual([1024]);
    expect(
      run([
        [256, 1],
        [1024, 16],
      ]),
    ).toEqual([1024, 256]);
    expect(run([[2048, 4]])).toEqual([2048]);
  });

  it('try a chunk twice as large after a slow first one, and fall back when it costs twice as much', () => {
    expect(
      run([
        [256, 12],
        [512, 24],
      ]),
    ).toEqual([512, 256]);
  });

  it('double up to the largest chunk when each costs mostly the start-up of its statement (a full-text set)', () => {
    expect(
      run([
        [256, 13],
        [512, 13.5],
        [1024, 14],
        [2048, 15],
        [4096, 17],
        [4096, 17],
      ]),
    ).toEqual([512, 1024, 2048, 4096, 4096, 4096]);
    // A page read on the spot (5000 ids in 20 ms) and a background chunk of 256 in 13 ms tell the same.
    expect(
      run([
        [5000, 20],
        [256, 13],
      ]),
    ).toEqual([1000, 512]);
  });

  it('stop doubling once a doubled chunk costs nearly twice as much', () => {
    expect(
      run([
        [256, 13],
        [512, 13.5],
        [1024, 26],
      ]),
    ).toEqual([512, 1024, 256]);
  });
});

describe('mentions.list through the lists', () => {
  it('pages exactly like OFFSET in each sort after the desk moves mentions in and out of a status filter', async () => {
    const filter: MentionFilter = { status: ['resolved', 'archived'] };
    for (const sort of SORTS) {
      const first = await call('mentions.list', { filter, sort, limit: 100 });
      const snapshot = first.maxId;
      expect(first.rows.map((r) => r.id)).toEqual(offsetPage(filter, sort, snapshot, 0, 100));
      const page = (offset: number) =>
        call('mentions.list', { filter: { ...filter, maxId: snapshot }, sort, offset, limit: 100 });
      // A page far down while the list is still being read, then the exact count (the list read to the end).
      const deep = countOf(filter, snapshot) - 120;
      expect((await page(deep)).rows.map((r) => r.id)).toEqual(offsetPage(filter, sort, snapshot, deep, 100));
      expect((await call('inbox.count', { filter: { ...filter, maxId: snapshot } })).total).toBe(
        countOf(filter, snapshot),
      );
      // The desk reopens some resolved mentions and resolves some new ones.
      const leaving = offsetPage(filter, sort, snapshot, 0, 5000).filter((_, i) => i % 250 === 7);
      const joining = sql.ids("SELECT id FROM mentions WHERE status = 'new' AND id % 13 = 0 LIMIT 40");
      for (const [ids, status] of [
        [leaving, 'open'],
        [joining, 'resolved'],
      ] as const) {
        const versions = ids.map((id) => ({
          id,
          expectedVersion: sql.count('SELECT version AS n FROM mentions WHERE id = ?', id),
        }));
        await call('inbox.setStatus', { operator: 'Anna', mentions: versions, status });
      }
      const total = countOf(filter, snapshot);
      for (const offset of [0, 100, 2000, Math.floor(total / 2), total - 100]) {
        const read = await page(offset);
        expect(
          read.rows.map((r) => r.id),
          `${sort} offset ${offset}`,
        ).toEqual(offsetPage(filter, sort, snapshot, offset, 100));
      }
      expect((await page(0)).total).toBe(total);
      expect((await call('inbox.count', { filter: { ...filter, maxId: snapshot } })).total).toBe(total);
    }
  });
});
