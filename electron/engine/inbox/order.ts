import type { MentionSort } from '../../../shared/api/inbox';
import type { SqlFragment, SqlValue } from '../../../shared/query/compile';
import { Statements } from '../search/statements';
import type { Db } from '../store/db';

/**
 * The ordered ids of an inbox list (a filter, a sort, a snapshot), so a page anywhere in it is a slice
 * instead of an OFFSET that walks the index up to it (1.5 s at the bottom of a million mentions).
 *
 * The list is read in the background along the sort's index with keyset continuation (each chunk starts
 * after the last id read), a few ms at a time, so pages and other calls run in between. A page beyond
 * what has been read extends the list on the spot to reach it (the cost of the OFFSET it replaces, once); one
 * far beyond it (JUMP_FROM) is read alone, skipping the ids before it, while the list goes on being read.
 * Lists are kept for the few newest filters; a newer snapshot of a filter replaces its list.
 *
 * A workflow change (`mentions.changed`) is applied to every list: the changed mentions leave it and
 * those that now pass the filter go back in at their place (found by binary search on the sort keys), so
 * a status filter stays exact while the desk triages. Other changes (topics re-tagged, a rescore, an
 * import finishing) drop every list: they are read again when next asked for.
 */

/** The id of the mention and its sort keys. */
interface SortKey {
  id: number;
  created_at: number;
  priority: number;
}

/** How a list is read from the store: the filter condition and the SQL around it. */
export interface ListSource {
  /** The filter's condition, without the snapshot. */
  where: SqlFragment;
  /**
   * ' INDEXED BY …' (or '') for reading the list in order along an index; null when the filter matches
   * few mentions, which are then read and sorted in one go.
   */
  index: string | null;
}

export interface OrderedIdsOptions {
  /** Ids read per query at most (a chunk grows up to this while chunks stay well within a slice). */
  chunk?: number;
  /** A building slice runs at most this long before letting other work in. */
  sliceMs?: number;
  /** Lists kept (each filter and sort is one). */
  keep?: number;
  /**
   * A page more than this many ids beyond what has been read is read on its own (see `slice`), not by
   * reading the list up to it.
   */
  jumpFrom?: number;
  /**
   * Reading a list in the background starts this long after its first page, unless a page or the total
   * of it is asked for first. A first page replaced meanwhile (a new snapshot of the same filter while an
   * import runs, another filter or sort picked) then costs no reading at all.
   */
  startAfterMs?: number;
  /**
   * A page that ends within this many ids of the list's top (the pages read ahead of the first) waits like
   * the first page instead of starting the background read (see `slice`).
   */
  readAheadWaitsUpTo?: number;
}

/** The ORDER BY of each sort (read.ts uses the same). */
export const ORDER_BY: Record<MentionSort, string> = {
  newest: 'm.created_at DESC, m.id DESC',
  oldest: 'm.created_at ASC, m.id ASC',
  priority: 'm.priority DESC, m.created_at DESC, m.id DESC',
};

/** The same orders, with the first term written so no index serves it (SQLite then sorts the few matches). */
export const ORDER_BY_SORTING: Record<MentionSort, string> = {
  newest: '+m.created_at DESC, m.id DESC',
  oldest: '+m.created_at ASC, m.id ASC',
  priority: '+m.priority DESC, m.created_at DESC, m.id DESC',
};

/** "Comes after `?`" in each sort, as a row value: the index's range continues from there. */
const AFTER: Record<MentionSort, { sql: string; params: (key: SortKey) => SqlValue[] }> = {
  newest: { sql: '(m.created_at, m.id) < (?, ?)', params: (k) => [k.created_at, k.id] },
  oldest: { sql: '(m.created_at, m.id) > (?, ?)', params: (k) => [k.created_at, k.id] },
  priority: {
    sql: '(m.priority, m.created_at, m.id) < (?, ?, ?)',
    params: (k) => [k.priority, k.created_at, k.id],
  },
};

/** Negative when `a` comes before `b` in the sort. */
export function compareKeys(sort: MentionSort, a: SortKey, b: SortKey): number {
  const newest = b.created_at - a.created_at || b.id - a.id;
  if (sort === 'newest') return newest;
  if (sort === 'oldest') return -newest;
  return b.priority - a.priority || newest;
}

const CHUNK = 4096;
/** The first chunk of a list: a sparse filter read along an order's index looks many rows up per id. */
const FIRST_CHUNK = 256;
const SLICE_MS = 8;
const KEEP = 6;
const START_AFTER_MS = 1000;
/** The inbox's first page and the two it reads ahead are 303 ids (pages of 100, each asked one id longer). */
const READ_AHEAD_WAITS_UP_TO = 500;
/**
 * A page this far beyond what has been read (a scrollbar dragged down at once) is read on its own, skipping
 * the ids before it inside SQLite: reading 500k ids into the list costs some 150 ms of CPU at 1M mentions,
 * skipping them 15 ms (along a covering index). The list goes on reading in the background.
 */
const JUMP_FROM = 20_000;

/** How a list's last chunk went (see `nextChunk`). */
export interface ChunkState {
  /** The last chunk's size and ms. */
  lastChunk: { size: number; took: number } | null;
  /** Chunks cost mostly their statement's start-up, not a rate per id. */
  startUpBound: boolean;
}

/** One list: ids[0..length) in order; `complete` once the whole snapshot has been read. */
class IdList implements ChunkState {
  ids = new Float64Array(1024);
  length = 0;
  complete = false;
  dropped = false;
  /** The sort key of the last mention read (the next chunk starts after it), null before the first chunk. */
  anchor: SortKey | null = null;
  building: Promise<void> | null = null;
  /** The background read waiting for its start (see `startAfterMs`). */
  timer: ReturnType<typeof setTimeout> | null = null;
  /** Ids the next chunk reads: grows or shrinks with how long chunks take. */
  chunk = 0;
  lastChunk: { size: number; took: number } | null = null;
  startUpBound = false;

  constructor(
    readonly key: string,
    readonly sort: MentionSort,
    readonly snapshot: number,
    readonly source: ListSource,
  ) {}

  push(values: readonly number[]): void {
    this.reserve(this.length + values.length);
    this.ids.set(values, this.length);
    this.length += values.length;
  }

  /**
   * Appends `values` last to first, typed array to typed array: through a plain array (Array.from, reverse)
   * a million ids took 60-110 ms, inside the page that asked for the turned list (6-10 ms this way).
   */
  pushReversed(values: Float64Array): void {
    this.reserve(this.length + values.length);
    const added = this.ids.subarray(this.length, this.length + values.length);
    added.set(values);
    added.reverse();
    this.length += values.length;
  }

  insertAt(index: number, id: number): void {
    this.reserve(this.length + 1);
    this.ids.copyWithin(index + 1, index, this.length);
    this.ids[index] = id;
    this.length += 1;
  }

  /** Takes the given ids out (order of the rest kept); returns how many left. */
  remove(ids: ReadonlySet<number>): number {
    let kept = 0;
    const { ids: all, length } = this;
    if (ids.size <= 8) {
      // A few: find each (a native scan), then close the gap.
      let removed = 0;
      for (const id of ids) {
        const at = all.subarray(0, this.length).indexOf(id);
        if (at < 0) continue;
        all.copyWithin(at, at + 1, this.length);
        this.length -= 1;
        removed += 1;
      }
      return removed;
    }
    for (let i = 0; i < length; i++) {
      const id = all[i] as number;
      if (!ids.has(id)) all[kept++] = id;
    }
    this.length = kept;
    return length - kept;
  }

  private reserve(size: number): void {
    if (size <= this.ids.length) return;
    let capacity = this.ids.length;
    while (capacity < size) capacity *= 2;
    const grown = new Float64Array(capacity);
    grown.set(this.ids.subarray(0, this.length));
    this.ids = grown;
  }
}

/** The workspace's ordered id lists (see the top of this file). */
export class OrderedIds {
  private readonly lists = new Map<string, IdList>();
  private readonly sql: Statements;
  private readonly chunk: number;
  private readonly sliceMs: number;
  private readonly keep: number;
  private readonly startAfterMs: number;
  private readonly jumpFrom: number;
  private readonly readAheadWaitsUpTo: number;

  constructor(
    private readonly db: Db,
    options: OrderedIdsOptions = {},
  ) {
    this.sql = new Statements(db);
    this.chunk = options.chunk ?? CHUNK;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.keep = options.keep ?? KEEP;
    this.startAfterMs = options.startAfterMs ?? START_AFTER_MS;
    this.jumpFrom = options.jumpFrom ?? JUMP_FROM;
    this.readAheadWaitsUpTo = options.readAheadWaitsUpTo ?? READ_AHEAD_WAITS_UP_TO;
  }

  /**
   * Ids `offset .. offset + count` of the list, when it is (being) read for this snapshot; the list is
   * extended on the spot when the page lies beyond what has been read. Undefined when there is no list.
   */
  slice(key: string, sort: MentionSort, snapshot: number, offset: number, count: number): number[] | undefined {
    const list = this.lists.get(listKey(key, sort));
    if (!list || list.snapshot !== snapshot) return undefined;
    // Most recently used last: the oldest is forgotten first.
    this.lists.delete(listKey(key, sort));
    this.lists.set(listKey(key, sort), list);
    if (!list.complete) this.turnAround(list);
    // Far beyond what is read: the page alone, the ids before it skipped from where reading has got to
    // (exact: the list up to there follows every change, and past it the store is what the list will read).
    if (!list.complete && list.source.index !== null && offset - list.length > this.jumpFrom) {
      const page = this.readAhead(list, offset - list.length, count);
      this.build(list);
      return page;
    }
    if (!list.complete && list.length < offset + count) this.read(list, offset + count, Infinity);
    // Asked for beyond the top pages: read the rest in the background from now on. The first page again (the
    // operator back on this sort or filter) waits like a new list's: flicking through sorts and filters reads
    // no whole lists meanwhile (each some 100 ms of CPU at 1M mentions, beside the renderer drawing the rows).
    // So do the pages the list reads ahead of its first (the inbox asks for two more at once): they are read
    // on the spot like any page, and the whole list waits for the operator to stay or to scroll further.
    if (offset === 0) this.shown(list);
    else if (offset + count <= this.readAheadWaitsUpTo) this.later(list);
    else this.build(list);
    return Array.from(list.ids.subarray(Math.min(offset, list.length), Math.min(offset + count, list.length)));
  }

  /**
   * Starts reading the list of a filter in a sort and snapshot in the background, unless it is there.
   * `whole`: every id of the list, in order, when the caller has read them all already (a first page that
   * held every match): the list is complete at once, and nothing is read.
   */
  start(key: string, sort: MentionSort, snapshot: number, source: ListSource, whole?: readonly number[]): void {
    const id = listKey(key, sort);
    const there = this.lists.get(id);
    if (there && there.snapshot === snapshot) return;
    if (there) there.dropped = true;
    this.lists.delete(id);
    const list = new IdList(key, sort, snapshot, source);
    list.chunk = Math.min(this.chunk, FIRST_CHUNK);
    this.lists.set(id, list);
    while (this.lists.size > this.keep) this.forget(this.lists.values().next().value as IdList);
    if (whole) {
      list.push(whole);
      list.complete = true;
      return;
    }
    // The other direction of a list read to the end is there at once; any other list is read after a while.
    const opposite =
      sort === 'priority' ? undefined : this.lists.get(listKey(key, sort === 'newest' ? 'oldest' : 'newest'));
    if (opposite?.complete && opposite.snapshot === snapshot) this.build(list);
    else this.shown(list);
  }

  /**
   * A first page of `list` was read: it is read in the background after `startAfterMs` (unless it is being
   * read already). Every other list still waiting for that stops waiting: the operator has moved on, and a
   * list left is read only when a page beyond its first or its total is asked for, or it is shown again.
   */
  private shown(list: IdList): void {
    for (const other of this.lists.values()) {
      if (other === list || !other.timer) continue;
      clearTimeout(other.timer);
      other.timer = null;
    }
    if (list.complete || list.building || list.timer || list.dropped) return;
    list.timer = setTimeout(() => this.build(list), this.startAfterMs);
    list.timer.unref?.();
  }

  /**
   * A page near the top of `list` was read: it is read in the background after `startAfterMs`, unless that is
   * set already or it is being read. Unlike a first page, other lists keep waiting (a late read-ahead of the
   * list the operator has left must not stop the one now shown from being read).
   */
  private later(list: IdList): void {
    if (list.complete || list.building || list.timer || list.dropped) return;
    list.timer = setTimeout(() => this.build(list), this.startAfterMs);
    list.timer.unref?.();
  }

  /**
   * The number of mentions the filter matches in the snapshot, once a list of it (any sort) is read to
   * the end; undefined when no list of it is being read.
   */
  async total(key: string, snapshot: number): Promise<number | undefined> {
    for (;;) {
      const list = [...this.lists.values()].find((l) => l.key === key && l.snapshot === snapshot);
      if (!list) return undefined;
      if (list.complete) return list.length;
      await this.build(list);
      // A list dropped meanwhile (a change) is read again only when asked; look again.
      if (list.dropped) return undefined;
    }
  }

  /** The exact total of a list read to the end, else undefined. */
  knownTotal(key: string, sort: MentionSort, snapshot: number): number | undefined {
    const list = this.lists.get(listKey(key, sort));
    return list && list.snapshot === snapshot && list.complete ? list.length : undefined;
  }

  /** Mentions changed (status, assignee, tags, sentiment, priority): every list takes them out and back in. */
  changed(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const changed = new Set(ids);
    for (const list of this.lists.values()) this.patch(list, changed);
  }

  /** Existing mentions changed in ways not told id by id: forget every list. */
  clear(): void {
    for (const list of [...this.lists.values()]) this.forget(list);
  }

  private patch(list: IdList, changed: ReadonlySet<number>): void {
    list.remove(changed);
    const { where } = list.source;
    const matching = this.sql.all(
      `SELECT m.id, m.created_at, m.priority FROM mentions m
       WHERE m.id IN (SELECT value FROM json_each(?)) AND m.id <= ? AND ${where.sql}`,
      JSON.stringify([...changed]),
      list.snapshot,
      ...where.params,
    ) as SortKey[];
    const keyOf = (id: number) => this.sql.get(KEY_OF, id) as SortKey | undefined;
    for (const mention of matching) {
      // Past what has been read: the build reaches it in its place.
      if (!list.complete && (list.anchor === null || compareKeys(list.sort, mention, list.anchor) > 0)) continue;
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        const there = keyOf(list.ids[middle] as number);
        // A mention deleted meanwhile cannot be placed: the list is read again when next asked.
        if (!there) {
          this.forget(list);
          return;
        }
        if (compareKeys(list.sort, there, mention) < 0) low = middle + 1;
        else high = middle;
      }
      list.insertAt(low, mention.id);
    }
  }

  private forget(list: IdList): void {
    list.dropped = true;
    if (list.timer) clearTimeout(list.timer);
    list.timer = null;
    const id = listKey(list.key, list.sort);
    if (this.lists.get(id) === list) this.lists.delete(id);
  }

  /** Oldest first is newest first backwards: a list read to the end in one gives the other at once. */
  private turnAround(list: IdList): void {
    if (list.sort === 'priority' || list.length > 0 || list.dropped) return;
    const opposite = this.lists.get(listKey(list.key, list.sort === 'newest' ? 'oldest' : 'newest'));
    if (!opposite?.complete || opposite.snapshot !== list.snapshot) return;
    list.pushReversed(opposite.ids.subarray(0, opposite.length));
    list.complete = true;
  }

  /** Starts reading the list in the background (once); resolves when it is read or dropped. */
  private build(list: IdList): Promise<void> {
    if (list.timer) clearTimeout(list.timer);
    list.timer = null;
    list.building ??= this.readInSlices(list);
    return list.building;
  }

  /** Reads the list in slices of at most sliceMs, letting other work run between them. */
  private async readInSlices(list: IdList): Promise<void> {
    // Not on the first page's time: that page is read already; reading starts right after it is sent.
    await new Promise((resolve) => setImmediate(resolve));
    this.turnAround(list);
    while (!list.complete && !list.dropped) {
      // The workspace closed meanwhile: nobody will ask for this list.
      if (!this.db.open) return this.forget(list);
      try {
        this.read(list, Infinity, this.sliceMs);
      } catch {
        // Pages then read with OFFSET as before; the list is read again when next asked for.
        return this.forget(list);
      }
      if (!list.complete) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** `count` ids of the list, `skip` ids past the last one read (none read yet: from its start). */
  private readAhead(list: IdList, skip: number, count: number): number[] {
    const { where, index } = list.source;
    const after = AFTER[list.sort];
    const continues = list.anchor ? ` AND ${after.sql}` : '';
    const sql = `SELECT m.id FROM mentions m${index ?? ''} WHERE ${where.sql} AND +m.id <= ?${continues}
       ORDER BY ${ORDER_BY[list.sort]} LIMIT ? OFFSET ?`;
    return this.sql.ids(
      sql,
      ...where.params,
      list.snapshot,
      ...(list.anchor ? after.params(list.anchor) : []),
      count,
      skip,
    );
  }

  /** Reads chunks until the list holds `upTo` ids, is complete, or `budgetMs` is spent. */
  private read(list: IdList, upTo: number, budgetMs: number): void {
    const started = performance.now();
    const { where, index } = list.source;
    if (index === null) {
      // Few matches: all of them at once, sorted. `+m.id`: the snapshot must not turn the read into a walk
      // over every id below it (SQLite would take the id range over the filter's own index).
      const ids = this.sql.ids(
        `SELECT m.id FROM mentions m WHERE ${where.sql} AND +m.id <= ? ORDER BY ${ORDER_BY_SORTING[list.sort]}`,
        ...where.params,
        list.snapshot,
      );
      list.push(ids);
      list.complete = true;
      return;
    }
    const after = AFTER[list.sort];
    const first = `SELECT m.id FROM mentions m${index} WHERE ${where.sql} AND +m.id <= ? ORDER BY ${ORDER_BY[list.sort]} LIMIT ?`;
    const next = `SELECT m.id FROM mentions m${index} WHERE ${where.sql} AND +m.id <= ? AND ${after.sql}
       ORDER BY ${ORDER_BY[list.sort]} LIMIT ?`;
    // At least one chunk per call, then more while the page is not reached and the slice lasts.
    do {
      // A page beyond what is read is reached in one statement, reading no further than the page (each
      // statement has its own start-up: a full-text set collected, an index range found). In the background a
      // chunk is sized so it takes about half a slice: a page waits for at most one chunk of it.
      const size = upTo === Infinity ? list.chunk : Math.max(FIRST_CHUNK, upTo - list.length);
      const began = performance.now();
      const ids =
        list.anchor === null
          ? this.sql.ids(first, ...where.params, list.snapshot, size)
          : this.sql.ids(next, ...where.params, list.snapshot, ...after.params(list.anchor), size);
      list.push(ids);
      const took = performance.now() - began;
      list.chunk = nextChunk(list, size, took, this.chunk, this.sliceMs);
      if (ids.length < size) {
        list.complete = true;
        return;
      }
      const anchor = this.sql.get(KEY_OF, ids[ids.length - 1] as number) as SortKey | undefined;
      if (!anchor) {
        // Deleted between two statements cannot happen within one synchronous slice; be safe anyway.
        this.forget(list);
        return;
      }
      list.anchor = anchor;
    } while (list.length < upTo && performance.now() - started < budgetMs);
  }
}

/**
 * The size of a list's next background chunk after one of `size` ids took `took` ms: about half a slice's
 * worth at the rate of the last chunk, between FIRST_CHUNK (or `most`, when lower) and `most`, at most four
 * times the last. A statement's own start-up (a full-text set is collected once per statement: 13 ms for
 * 100k matches at 1M mentions) is no rate: when two chunks (one at least twice the other) show that start-up
 * made at least half of the smaller one's time, chunks double up to `most` (each doubling checks it again),
 * so that cost is paid once per large chunk, not once per 256 ids (5 s of background reading for a search
 * matching 100k mentions). A slow first chunk of the least size is followed by one twice as large, to tell
 * which it is.
 */
export function nextChunk(list: ChunkState, size: number, took: number, most: number, sliceMs: number): number {
  const least = Math.min(FIRST_CHUNK, most);
  const before = list.lastChunk;
  list.lastChunk = { size, took };
  if (before !== null) {
    const [small, large] = before.size <= size ? [before, { size, took }] : [{ size, took }, before];
    if (large.size >= 2 * small.size) {
      // took = start-up + rate × ids, through both chunks.
      const rate = Math.max(0, large.took - small.took) / (large.size - small.size);
      list.startUpBound = small.took - rate * small.size >= small.took / 2;
    }
  }
  if (list.startUpBound) return Math.min(most, size * 2);
  const fit = took > 0 ? Math.round((size * Math.max(1, sliceMs / 2)) / took) : most;
  if (fit < size && size <= least && before === null) return Math.min(most, size * 2);
  return Math.max(least, Math.min(most, fit, size * 4));
}

/** A mention's sort keys. */
const KEY_OF = 'SELECT id, created_at, priority FROM mentions WHERE id = ?';

function listKey(key: string, sort: MentionSort): string {
  return `${sort}\u0000${key}`;
}

const perDb = new WeakMap<Db, OrderedIds>();

/** The workspace's one set of ordered lists (mentions.list, inbox.count and the change events share it). */
export function orderedIds(db: Db): OrderedIds {
  let ids = perDb.get(db);
  if (!ids) {
    ids = new OrderedIds(db);
    perDb.set(db, ids);
  }
  return ids;
}
