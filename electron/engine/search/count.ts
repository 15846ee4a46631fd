import { toWhere, type CompiledQuery, type SqlFragment } from '../../../shared/query/compile';
import type { Statements } from './statements';

/** Counting samples slices of ids for this long, then extrapolates. */
const COUNT_BUDGET_MS = 15;
const COUNT_SLICE = 1000;
/** Up to this many mentions every count is exact (a full pass costs at most a few tens of ms). */
const EXACT_COUNT_BELOW = 50_000;

export interface Total {
  total: number;
  /** True when `total` was scaled up from a sample of the mentions (the UI shows "about N"). */
  totalIsEstimate: boolean;
}

/** Full-text matches of an FTS5 expression, counting no further than `cap`. */
export function countUpTo(sql: Statements, match: string, cap: number): number {
  return sql.count(
    'SELECT count(*) AS n FROM (SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT ?)',
    match,
    cap,
  );
}

export function countAll(sql: Statements, match: string): number {
  return sql.count('SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH ?', match);
}

/**
 * Counts the mentions a query matches. Counting a broad query with a filter reads every candidate
 * row, so in a large workspace it counts slices of 1000 ids spread evenly over all ids (never just
 * the newest, which would skew date filters) for COUNT_BUDGET_MS, and scales the share found up.
 */
export function countMatches(sql: Statements, compiled: CompiledQuery): Total {
  const where = toWhere(compiled, 'lazy');
  const top = sql.count('SELECT max(id) AS n FROM mentions');
  if (top <= EXACT_COUNT_BELOW) return { total: countRange(sql, where, 0, top).hits, totalIsEstimate: false };
  const slices = Math.ceil(top / COUNT_SLICE);
  const started = performance.now();
  const counted = new Set<number>();
  let hits = 0;
  let rows = 0;
  for (let i = 0; counted.size < slices && performance.now() - started < COUNT_BUDGET_MS; i++) {
    const slice = Math.floor(vanDerCorput(i) * slices);
    if (counted.has(slice)) continue;
    counted.add(slice);
    const found = countRange(sql, where, slice * COUNT_SLICE, (slice + 1) * COUNT_SLICE);
    hits += found.hits;
    rows += found.rows;
  }
  if (counted.size === slices) return { total: hits, totalIsEstimate: false };
  const all = sql.count('SELECT count(*) AS n FROM mentions');
  return { total: Math.round((hits / Math.max(1, rows)) * all), totalIsEstimate: true };
}

/** Mentions with an id in (from, to], and how many of them match. */
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
