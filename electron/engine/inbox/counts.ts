import type { SqlFragment } from '../../../shared/query/compile';
import type { Statements } from '../search/statements';
import type { Db } from '../store/db';

interface Counted {
  snapshot: number;
  total: number;
}

/** Filters whose totals are remembered; the oldest is forgotten first. */
const CACHE_SIZE = 200;

/**
 * Totals of inbox filters, counted once per filter and then kept: the next pages of the same view reuse
 * the figure, and a newer snapshot of the same filter only counts the mentions that arrived in between.
 * Any change to existing mentions (status, assignee, tags, sentiment) forgets every figure.
 */
export class FilterCounts {
  private readonly totals = new Map<string, Counted>();

  /** A figure counted before, for exactly this snapshot, or undefined. */
  known(key: string, snapshot: number): number | undefined {
    const hit = this.totals.get(key);
    return hit?.snapshot === snapshot ? hit.total : undefined;
  }

  /** The exact number of mentions up to `snapshot` that pass `where` (`top`: the newest id there is). */
  total(sql: Statements, key: string, where: SqlFragment, snapshot: number, top: number): number {
    const hit = this.totals.get(key);
    let total: number;
    if (hit && hit.snapshot === snapshot) total = hit.total;
    else if (hit && hit.snapshot < snapshot) total = hit.total + countBetween(sql, where, hit.snapshot, snapshot);
    else if (snapshot >= top)
      total = sql.count(`SELECT count(*) AS n FROM mentions m WHERE ${where.sql}`, ...where.params);
    else total = countBetween(sql, where, 0, snapshot);
    this.totals.delete(key);
    this.totals.set(key, { snapshot, total });
    if (this.totals.size > CACHE_SIZE) this.totals.delete(this.totals.keys().next().value as string);
    return total;
  }

  /** Forget every figure: existing mentions changed. */
  clear(): void {
    this.totals.clear();
  }
}

/** Mentions with an id in (after, upTo] that pass `where`. */
export function countBetween(sql: Statements, where: SqlFragment, after: number, upTo: number): number {
  if (after === 0) {
    return sql.count(`SELECT count(*) AS n FROM mentions m WHERE ${where.sql} AND m.id <= ?`, ...where.params, upTo);
  }
  return sql.count(
    `SELECT count(*) AS n FROM mentions m WHERE m.id > ? AND m.id <= ? AND ${where.sql}`,
    after,
    upTo,
    ...where.params,
  );
}

/** Mentions (newer than `after`, when given) that pass `where`, counted no further than `cap`. */
export function countUpToCap(sql: Statements, where: SqlFragment, cap: number, after?: number): number {
  if (after === undefined) {
    return sql.count(
      `SELECT count(*) AS n FROM (SELECT 1 FROM mentions m WHERE ${where.sql} LIMIT ?)`,
      ...where.params,
      cap,
    );
  }
  return sql.count(
    `SELECT count(*) AS n FROM (SELECT 1 FROM mentions m WHERE m.id > ? AND ${where.sql} LIMIT ?)`,
    after,
    ...where.params,
    cap,
  );
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
