import type { SqlFragment } from '../../../shared/query/compile';
import type { Statements } from '../search/statements';
import type { Db } from '../store/db';

/** A filter's total for one snapshot. */
export interface FilterTotal {
  total: number;
  /** True when `total` was scaled up from a sample of the mentions (the list shows "about N"). */
  totalIsEstimate: boolean;
}

interface Counted extends FilterTotal {
  snapshot: number;
}

/** Filters whose totals are remembered; the oldest is forgotten first. */
const CACHE_SIZE = 200;

/**
 * Up to this many matches a page counts exactly, on the spot (reading at most this many index entries or
 * rows: a few ms at 1M mentions). Beyond it the page gives an estimate and `inbox.count` the exact figure.
 */
export const EXACT_ON_PAGE_BELOW = 10_000;

/** Estimating samples slices of ids for this long (at least MIN_SLICES of them). */
const ESTIMATE_BUDGET_MS = 4;
const MIN_SLICES = 8;
const ESTIMATE_SLICE = 1000;

/**
 * Up to this many mentions in the workspace a first page counts its total exactly whatever the filter
 * (at most EXACT_ON_PAGE_BELOW rows, all of them in the page cache: a few ms).
 */
export const COUNT_ANY_FILTER_UP_TO = 50_000;

/** How a first page may come by its total. */
export interface FirstPageTotal {
  /**
   * The page's plan depends on whether fewer than EXACT_ON_PAGE_BELOW match (SQLite would sort the
   * matches): a clearly large sampled estimate settles it, else the count up to the cap does.
   */
  decides: boolean;
  /** Counting up to the cap reads an index alone (no row looked up): cheap whatever the filter matches. */
  cheap: boolean;
  /**
   * When the count decides the plan, an estimate below this is counted (default twice the cap: a sample of
   * a few thousand mentions is not off by that much); for a plan that turns at a lower total.
   */
  decidesBelow?: number;
}

/** The exact count reads this many ids at a time, and lets other calls in between. */
const EXACT_CHUNK = 5000;

/**
 * Totals of inbox filters. A page counts a small total exactly and estimates a large one (a sample of
 * the mentions, a few ms); `inbox.count` counts exactly in chunks, letting pages in between. Every figure
 * is kept per filter: the next pages of the same view reuse it, and a newer snapshot of the same filter
 * only counts the mentions that arrived in between. Any change to existing mentions (status, assignee,
 * tags, sentiment) forgets every figure.
 */
export class FilterCounts {
  private readonly totals = new Map<string, Counted>();
  /** COUNT_ANY_FILTER_UP_TO, for this workspace (tests lower it to see a large workspace's first pages). */
  countAnyFilterUpTo = COUNT_ANY_FILTER_UP_TO;

  /** A figure counted (or estimated) before, for exactly this snapshot, or undefined. */
  known(key: string, snapshot: number): FilterTotal | undefined {
    const hit = this.totals.get(key);
    return hit?.snapshot === snapshot ? { total: hit.total, totalIsEstimate: hit.totalIsEstimate } : undefined;
  }

  /**
   * The total for a page: exact when it was counted before or is below EXACT_ON_PAGE_BELOW, else an
   * estimate (flagged). `where` must not hold the snapshot; `top` is the newest id there is; `source` the
   * index to count along (`filterSource`).
   */
  forPage(sql: Statements, key: string, where: SqlFragment, snapshot: number, top: number, source = ''): FilterTotal {
    const hit = this.totals.get(key);
    if (hit && hit.snapshot === snapshot) return { total: hit.total, totalIsEstimate: hit.totalIsEstimate };
    if (hit && !hit.totalIsEstimate && hit.snapshot < snapshot) {
      return this.keep(key, snapshot, hit.total + countBetween(sql, where, hit.snapshot, snapshot), false);
    }
    const upTo = snapshot < top ? snapshot : undefined;
    const few = countUpToCap(sql, where, EXACT_ON_PAGE_BELOW, { upTo, source });
    if (few < EXACT_ON_PAGE_BELOW) return this.keep(key, snapshot, few, false);
    return this.keep(key, snapshot, estimate(sql, where, snapshot), true);
  }

  /**
   * The total for a first page, which never waits for an expensive exact count: the exact figure when it
   * is known, cheap to count (`how.cheap`, a small workspace) or needed for the plan and near the cap;
   * otherwise an estimate from a sample of the mentions (flagged), and `inbox.count` counts it exactly.
   */
  forFirstPage(
    sql: Statements,
    key: string,
    where: SqlFragment,
    snapshot: number,
    top: number,
    how: FirstPageTotal,
    source = '',
  ): FilterTotal {
    const hit = this.totals.get(key);
    if ((hit && hit.snapshot === snapshot) || (hit && !hit.totalIsEstimate && hit.snapshot < snapshot)) {
      return this.forPage(sql, key, where, snapshot, top, source);
    }
    if (how.cheap || top <= this.countAnyFilterUpTo) return this.forPage(sql, key, where, snapshot, top, source);
    const guess = estimate(sql, where, snapshot);
    if (how.decides && guess < (how.decidesBelow ?? 2 * EXACT_ON_PAGE_BELOW)) {
      return this.forPage(sql, key, where, snapshot, top, source);
    }
    return this.keep(key, snapshot, guess, true);
  }

  /** The exact number of mentions up to `snapshot` that pass `where`, counted in chunks (other calls run between). */
  async exact(sql: Statements, key: string, where: SqlFragment, snapshot: number, source = ''): Promise<number> {
    const hit = this.totals.get(key);
    if (hit && !hit.totalIsEstimate && hit.snapshot === snapshot) return hit.total;
    const few = countUpToCap(sql, where, EXACT_ON_PAGE_BELOW, { upTo: snapshot, source });
    let total = few;
    if (few >= EXACT_ON_PAGE_BELOW) {
      const from = hit && !hit.totalIsEstimate && hit.snapshot < snapshot ? hit.snapshot : 0;
      total = from === 0 ? 0 : (hit as Counted).total;
      for (let after = from; after < snapshot; after += EXACT_CHUNK) {
        total += countRange(sql, where, after, Math.min(snapshot, after + EXACT_CHUNK)).hits;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.keep(key, snapshot, total, false);
    return total;
  }

  /** An exact total found another way (an ordered list of the filter read to the end). */
  remember(key: string, snapshot: number, total: number): void {
    this.keep(key, snapshot, total, false);
  }

  /** Forget every figure: existing mentions changed. */
  clear(): void {
    this.totals.clear();
  }

  private keep(key: string, snapshot: number, total: number, totalIsEstimate: boolean): FilterTotal {
    this.totals.delete(key);
    this.totals.set(key, { snapshot, total, totalIsEstimate });
    if (this.totals.size > CACHE_SIZE) this.totals.delete(this.totals.keys().next().value as string);
    return { total, totalIsEstimate };
  }
}

/** Mentions with an id in (after, upTo] that pass `where` (read by id: the range is new mentions, few). */
export function countBetween(sql: Statements, where: SqlFragment, after: number, upTo: number): number {
  return sql.count(
    `SELECT count(*) AS n FROM mentions m NOT INDEXED WHERE m.id > ? AND m.id <= ? AND ${where.sql}`,
    after,
    upTo,
    ...where.params,
  );
}

/** Where a count reads from: an id range, and the index to read (` INDEXED BY …`, see `filterSource`). */
export interface CountRange {
  /** Only ids above this. */
  after?: number;
  /** Only ids up to this. */
  upTo?: number;
  source?: string;
}

/** Mentions (in `range`) that pass `where`, counted no further than `cap`. */
export function countUpToCap(sql: Statements, where: SqlFragment, cap: number, range: CountRange = {}): number {
  const { after, upTo } = range;
  // New mentions (above `after`) are few: read them by id, not along an index SQLite might prefer.
  const source = range.source ?? (after === undefined ? '' : ' NOT INDEXED');
  // Without `after` the snapshot is a condition only (`+`): SQLite would otherwise walk every id below it.
  const ids = [
    after === undefined ? '' : 'm.id > ? AND ',
    upTo === undefined ? '' : after === undefined ? '+m.id <= ? AND ' : 'm.id <= ? AND ',
  ].join('');
  return sql.count(
    `SELECT count(*) AS n FROM (SELECT 1 FROM mentions m${source} WHERE ${ids}${where.sql} LIMIT ?)`,
    ...(after === undefined ? [] : [after]),
    ...(upTo === undefined ? [] : [upTo]),
    ...where.params,
    cap,
  );
}

/**
 * The share of mentions that pass `where` in slices of ids spread evenly over (0, snapshot] (never just
 * the newest, which would skew filters that follow time), read for ESTIMATE_BUDGET_MS, scaled to all ids.
 */
function estimate(sql: Statements, where: SqlFragment, snapshot: number): number {
  const slices = Math.ceil(snapshot / ESTIMATE_SLICE);
  const started = performance.now();
  const seen = new Set<number>();
  let hits = 0;
  let ids = 0;
  // Slices are read in batches, one statement each (MIN_SLICES, then twice as many while the budget
  // lasts): a full-text condition collects its matches once per statement, not once per slice. A batch is
  // only started when, at the rate of the ones before, it ends within the budget: doubling blindly ran a
  // 4 ms budget to 40 ms where rows are not in the page cache (each slice reads 1000 full rows).
  let next = 0;
  for (let batch = MIN_SLICES; seen.size < slices; batch *= 2) {
    const spent = performance.now() - started;
    if (seen.size > 0 && spent + (spent / seen.size) * batch > ESTIMATE_BUDGET_MS) break;
    const ranges: [number, number][] = [];
    for (; ranges.length < batch && seen.size < slices; next++) {
      const slice = Math.floor(vanDerCorput(next) * slices);
      if (seen.has(slice)) continue;
      seen.add(slice);
      const from = slice * ESTIMATE_SLICE;
      ranges.push([from, Math.min(snapshot, from + ESTIMATE_SLICE)]);
    }
    // Padded to the batch size with empty ranges, so each batch size is one prepared statement.
    while (ranges.length < batch) ranges.push([0, 0]);
    hits += countRanges(sql, where, ranges);
    ids += ranges.reduce((sum, [from, to]) => sum + to - from, 0);
  }
  return Math.round((hits / Math.max(1, ids)) * snapshot);
}

/** Mentions in any of the id ranges (from, to] that pass `where`, read along the ids themselves. */
function countRanges(sql: Statements, where: SqlFragment, ranges: [number, number][]): number {
  return sql.count(
    `SELECT coalesce(sum(${where.sql}), 0) AS n FROM mentions m NOT INDEXED
     WHERE ${ranges.map(() => '(m.id > ? AND m.id <= ?)').join(' OR ')}`,
    ...where.params,
    ...ranges.flat(),
  );
}

/** Mentions with an id in (from, to], and how many of them pass `where`, read along the ids themselves. */
function countRange(sql: Statements, where: SqlFragment, from: number, to: number): { rows: number; hits: number } {
  // NOT INDEXED: read the id range itself, not an index the condition would otherwise pick.
  return sql.get(
    `SELECT count(*) AS rows, coalesce(sum(${where.sql}), 0) AS hits FROM mentions m NOT INDEXED
     WHERE m.id > ? AND m.id <= ?`,
    ...where.params,
    from,
    to,
  ) as { rows: number; hits: number };
}

/** 0, 1/2, 1/4, 3/4, 1/8, …: each next point halves the largest gap, so any prefix is spread evenly. */
function vanDerCorput(index: number): number {
  let fraction = 0;
  let weight = 0.5;
  for (let n = index; n > 0; n >>= 1, weight /= 2) if (n & 1) fraction += weight;
  return fraction;
}

const perDb = new WeakMap<Db, FilterCounts>();

/** The workspace's one cache of filter totals (the list, `inbox.count` and the views share it). */
export function filterCounts(db: Db): FilterCounts {
  let counts = perDb.get(db);
  if (!counts) {
    counts = new FilterCounts();
    perDb.set(db, counts);
  }
  return counts;
}
