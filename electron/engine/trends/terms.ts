import type { z } from 'zod';
import type { DrillInput, TermChange, TermsInput, TermsPanel, TrendFilter } from '../../../shared/api/trends';
import type { MentionRow } from '../../../shared/domain/mention';
import { ROW_COLUMNS, toRow, type RowRecord } from '../mentions/read';
import { chooseGranularity } from '../../../shared/trends/granularity';
import { bucketEnd, bucketOf, bucketStart } from '../../../shared/trends/time';
import type { Db } from '../store/db';
import { placeSums } from './map';
import { comparePeriod } from './panels';
import { filterSql, sumRange } from './range';
import { termCover } from './term-cover';
import { ftsQueryOf, hasTerm, normalizeTerm, termsOf } from './tokens';

/**
 * Rising and falling terms: words and hashtags counted once per mention, this period against the one before.
 *
 * Without filters they come from the term rollup (term_year, term_month, term_day and the raw mentions for
 * part-days, combined as term-cover.ts plans), so any range costs about the same. With a channel, language
 * or topic filter the rollup (per bucket × term only) cannot answer: the raw mentions are counted instead,
 * exactly up to SAMPLING.exact mentions per period; beyond that from a sample (`sampled`) stratified by time:
 * the period's buckets (exact filtered totals from the volume rollups) each give mentions in proportion to
 * their volume, in short runs from instants spread evenly over the bucket, weighted up to its total.
 */

/**
 * Filtered periods up to `exact` mentions are counted exactly; larger ones from a sample of `sample`. Each
 * text read costs a row (and a topic look-up under a topic filter) and its tokens, ~10 µs at 1M; two periods
 * of 2,000 and 1,000 took the panel to 46–89 ms CPU p95 (budget 50 ms), these to about two thirds of that.
 * A term at 5% of a period is then counted within about ±17% (one standard error), against ±14% at 1,000.
 */
export const SAMPLING = { exact: 1_200, sample: 700 };
/**
 * At most about this many strata (time buckets) in a sample: a year is 12 months, 30 days 5 weeks. Runs are
 * spread evenly within each stratum, so fewer, larger strata keep the sample spread over the period; what
 * they save is reading the filtered bucket totals (a year: 12 month buckets of the rollup instead of 52 weeks).
 */
const STRATA = 24;
/** A sample is taken in runs of this many consecutive mentions from evenly spread instants (a seek each). */
const SAMPLE_RUN = 10;
/** A term needs this many mentions in both periods together to be listed (noise otherwise). */
const MIN_MENTIONS = 3;

type Counts = Map<string, number>;

function countTexts(into: Counts, texts: string[], weight: number): void {
  for (const text of texts) for (const term of termsOf(text)) into.set(term, (into.get(term) ?? 0) + weight);
}

/** The term of every id, kept per connection and extended as new terms get ids (ids only grow). */
const termNames = new WeakMap<Db, string[]>();

function termsById(db: Db): string[] {
  let names = termNames.get(db);
  if (!names) termNames.set(db, (names = []));
  const rows = db.prepare('SELECT id, term FROM trend_terms WHERE id >= ? ORDER BY id').raw().all(names.length) as [
    number,
    string,
  ][];
  for (const [id, term] of rows) names[id] = term;
  return names;
}

/**
 * Term counts of a period from the rollup (no filter): the signed sums of whole buckets in one statement,
 * summed per term by SQLite (a long odd range reads tens of thousands of rollup rows, but returns at most one
 * row per term), and the raw rest tokenised.
 */
function rollupCounts(db: Db, fromMs: number, toMs: number): Counts {
  const names = termsById(db);
  const counts: Counts = new Map();
  const parts: string[] = [];
  const params: number[] = [];
  for (const piece of termCover(fromMs, toMs)) {
    if (piece.level === 'raw') {
      const texts = db
        .prepare('SELECT text FROM mentions WHERE created_at >= ? AND created_at < ?')
        .pluck()
        .all(piece.fromMs, piece.toMs) as string[];
      countTexts(counts, texts, piece.sign);
      continue;
    }
    parts.push(`SELECT term_id, ? * n AS n FROM term_${piece.level} WHERE bucket BETWEEN ? AND ?`);
    params.push(piece.sign, piece.lo, piece.hi);
  }
  if (!parts.length) return counts;
  const rows = db
    .prepare(`SELECT term_id, sum(n) FROM (${parts.join(' UNION ALL ')}) GROUP BY term_id HAVING sum(n) != 0`)
    .raw()
    .all(...params) as [number, number][];
  for (const [id, n] of rows) {
    const term = names[id];
    if (term !== undefined) counts.set(term, (counts.get(term) ?? 0) + n);
  }
  return counts;
}

/** Term counts of a period from the raw mentions with a filter: exact, or a stratified sample weighted up. */
function filteredCounts(
  db: Db,
  fromMs: number,
  toMs: number,
  filter: TrendFilter,
  sampling: typeof SAMPLING,
): { counts: Counts; sampled: boolean } {
  const where = filterSql(filter, 'mentions');
  const granularity = chooseGranularity(fromMs, toMs, STRATA);
  const perBucket = [...sumRange(db, granularity, fromMs, toMs, filter, null, ['n'])]
    .map(([bucket, groups]) => ({ bucket, n: groups.get('')?.n ?? 0 }))
    .filter((b) => b.n > 0);
  const total = perBucket.reduce((sum, b) => sum + b.n, 0);
  const counts: Counts = new Map();
  const textsIn = db.prepare(
    `SELECT m.text FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND ${where.sql}`,
  );
  if (total <= sampling.exact) {
    countTexts(counts, textsIn.pluck().all(fromMs, toMs, ...where.params) as string[], 1);
    return { counts, sampled: false };
  }
  // Unary plus on the filter's columns: each run is a seek in the time index and a few steps along it.
  const walk = filterSql(filter, 'mentions', true);
  const runFrom = db
    .prepare(
      `SELECT m.id, m.text FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND ${walk.sql}
     ORDER BY m.created_at LIMIT ?`,
    )
    .raw();
  for (const { bucket, n } of perBucket) {
    const start = Math.max(fromMs, bucketStart(granularity, bucket));
    const end = Math.min(toMs, bucketEnd(granularity, bucket));
    const quota = Math.max(1, Math.round((sampling.sample * n) / total));
    if (n <= 2 * quota) {
      countTexts(counts, textsIn.pluck().all(start, end, ...where.params) as string[], 1);
      continue;
    }
    const runs = Math.ceil(quota / SAMPLE_RUN);
    const picked = new Map<number, string>();
    for (let i = 0; i < runs; i++) {
      const at = Math.floor(start + ((i + 0.5) * (end - start)) / runs);
      const rows = runFrom.all(at, end, ...walk.params, Math.ceil(quota / runs)) as [number, string][];
      for (const [id, text] of rows) picked.set(id, text);
    }
    countTexts(counts, [...picked.values()], n / picked.size);
  }
  for (const [term, n] of counts) counts.set(term, Math.round(n));
  return { counts, sampled: true };
}

const hasFilter = (filter: TrendFilter) =>
  filter.channel.length > 0 || filter.lang.length > 0 || filter.topicId.length > 0;

/** Rising and falling terms of a period against the previous one (or last year). */
export function termsPanel(
  db: Db,
  input: z.output<typeof TermsInput>,
  pending: number,
  sampling = SAMPLING,
): TermsPanel {
  const fromMs = Date.parse(input.from);
  const toMs = Date.parse(input.to);
  const previous = comparePeriod(fromMs, toMs, input.compare ?? 'previous');
  const read = (a: number, b: number) =>
    hasFilter(input.filter)
      ? filteredCounts(db, a, b, input.filter, sampling)
      : { counts: rollupCounts(db, a, b), sampled: false };
  const now = read(fromMs, toMs);
  const before = read(previous.fromMs, previous.toMs);
  const changes: TermChange[] = [];
  for (const term of new Set([...now.counts.keys(), ...before.counts.keys()])) {
    const kind = term.startsWith('#') ? 'hashtag' : 'word';
    if (input.kind !== 'all' && input.kind !== kind) continue;
    const count = now.counts.get(term) ?? 0;
    const prev = before.counts.get(term) ?? 0;
    if (count + prev < MIN_MENTIONS) continue;
    changes.push({ term, kind, count, previous: prev, delta: count - prev, change: prev ? count / prev - 1 : null });
  }
  const byDelta = (a: TermChange, b: TermChange) => b.delta - a.delta || a.term.localeCompare(b.term);
  return {
    from: input.from,
    to: input.to,
    previousFrom: new Date(previous.fromMs).toISOString(),
    previousTo: new Date(previous.toMs).toISOString(),
    rising: changes
      .filter((c) => c.delta > 0)
      .sort(byDelta)
      .slice(0, input.limit),
    falling: changes
      .filter((c) => c.delta < 0)
      .sort((a, b) => byDelta(b, a))
      .slice(0, input.limit),
    sampled: now.sampled || before.sampled,
    pending,
  };
}

const withTermFunction = new WeakSet<Db>();

/** `trend_has_term(text, term)`: whether a text holds a term as termsOf counts it. */
function registerTermFunction(db: Db): void {
  if (withTermFunction.has(db)) return;
  db.function('trend_has_term', { deterministic: true }, (text: unknown, term: unknown) =>
    typeof text === 'string' && typeof term === 'string' && hasTerm(text, term) ? 1 : 0,
  );
  withTermFunction.add(db);
}

/** Mentions holding a term in [fromMs, toMs), from the term rollup (exact once the indexer is caught up). */
function termTotal(db: Db, termId: number | undefined, term: string, fromMs: number, toMs: number): number {
  let total = 0;
  for (const piece of termCover(fromMs, toMs)) {
    if (piece.level === 'raw') {
      const texts = db
        .prepare('SELECT text FROM mentions WHERE created_at >= ? AND created_at < ?')
        .pluck()
        .all(piece.fromMs, piece.toMs) as string[];
      for (const text of texts) if (hasTerm(text, term)) total += piece.sign;
    } else if (termId !== undefined) {
      const n = db
        .prepare(`SELECT coalesce(sum(n), 0) FROM term_${piece.level} WHERE bucket BETWEEN ? AND ? AND term_id = ?`)
        .pluck()
        .get(piece.lo, piece.hi, termId) as number;
      total += piece.sign * n;
    }
  }
  return total;
}

const EMPTY_FILTER: TrendFilter = { channel: [], lang: [], topicId: [] };

/** The lowest and highest id of the mentions counted in the months a range touches (term_id_bounds). */
function idBounds(db: Db, fromMs: number, toMs: number): [number, number] {
  const row = db
    .prepare('SELECT min(min_id), max(max_id) FROM term_id_bounds WHERE month BETWEEN ? AND ?')
    .raw()
    .get(bucketOf('month', fromMs), bucketOf('month', toMs - 1)) as [number | null, number | null];
  return row[0] === null ? [1, 0] : [row[0], row[1]!];
}
/**
 * Filtered term drills count exactly by walking ranges up to `exact` mentions, or through the full-text
 * matches when there are up to `exact`; otherwise among the newest `scan` matches, up to `cap`, and say
 * there can be more (`capped`). A capped page comes from those same matches, unless a walk of up to about
 * `exact` mentions fills it (then it is exactly the newest): an exact page could mean reading every match.
 */
export const DRILL_COUNTING = { exact: 10_000, scan: 5_000, cap: 200 };

/** Mentions in a range under a filter, from the rollups. */
function mentionsIn(db: Db, fromMs: number, toMs: number, filter: TrendFilter): number {
  let n = 0;
  for (const groups of sumRange(db, 'month', fromMs, toMs, filter, null, ['n']).values()) n += groups.get('')?.n ?? 0;
  return n;
}

/**
 * The mentions behind a term, a municipality or an hour-of-week cell (newest first).
 *
 * Term membership is termsOf's (trend_has_term; for a word that is exactly its FTS5 MATCH). How it is
 * found depends on what is cheap, judged from the rollups: the total of an unfiltered term comes from the
 * term rollup once the indexer is caught up (`termsReady`); a filtered one is counted by walking the range
 * when it is small, through the full-text matches when they are few, and otherwise up to a cap
 * (`capped`: there are more). The page walks the time index newest first, testing each text, until it is
 * full (a common term: a few hundred texts), or sorts the full-text matches when the term is rare.
 * A municipality goes through mentions.place_code.
 */
export function drill(
  db: Db,
  input: z.output<typeof DrillInput>,
  termsReady = false,
  counting = DRILL_COUNTING,
): { total: number; offset: number; rows: MentionRow[]; capped?: boolean } {
  const fromMs = Date.parse(input.from);
  const toMs = Date.parse(input.to);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (input.sentiment?.length) {
    parts.push(`m.sentiment IN (${input.sentiment.map(() => '?').join(', ')})`);
    params.push(...input.sentiment);
  }
  if (input.hourOfWeek) {
    const local = `(m.created_at + (SELECT offset_ms FROM tz_offsets WHERE from_ms <= m.created_at ORDER BY from_ms DESC LIMIT 1))`;
    parts.push(`((${local} / 86400000 + 3) % 7) * 24 + (${local} % 86400000) / 3600000 = ?`);
    params.push(input.hourOfWeek.dow * 24 + input.hourOfWeek.hour);
  }
  if (input.municipality) {
    parts.push('m.place_code = ?');
    params.push(input.municipality);
  }
  const unfiltered = !parts.length && !hasFilter(input.filter);
  const where = (noIndex: boolean) => {
    const filter = filterSql(input.filter, 'mentions', noIndex);
    return {
      sql: ['m.created_at >= ?', 'm.created_at < ?', filter.sql, ...parts].join(' AND '),
      params: [fromMs, toMs, ...filter.params, ...params],
    };
  };
  const pageOf = (from: string, sql: string, whereParams: unknown[]) =>
    db
      .prepare(`SELECT m.id FROM ${from} WHERE ${sql} ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`)
      .pluck()
      .all(...whereParams, input.limit, input.offset) as number[];
  const countOf = (from: string, sql: string, whereParams: unknown[], cap?: number) =>
    db
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${sql}${cap === undefined ? '' : ' LIMIT ?'})`)
      .pluck()
      .get(...whereParams, ...(cap === undefined ? [] : [cap])) as number;

  let total: number;
  let capped = false;
  /** Matches estimated to qualify, from a capped count's sample. */
  let observed: number | undefined;
  /** A capped count's qualifying ids among the newest matches, newest first. */
  let qualifying: number[] | null = null;
  let page: number[];
  if (input.term) {
    const term = normalizeTerm(input.term);
    if (!term) return { total: 0, offset: input.offset, rows: [] };
    registerTermFunction(db);
    const plain = where(false);
    // Unary plus on the filter's columns keeps SQLite on the time index, so a walk stops at the page's end.
    const walk = where(true);
    const walkSql = `${walk.sql} AND trend_has_term(m.text, ?)`;
    const walkParams = [...walk.params, term];
    // The full-text matches that can lie in the range: ids within the bounds of its months (when known).
    const [lo, hi] = termsReady ? idBounds(db, fromMs, toMs) : [0, Number.MAX_SAFE_INTEGER];
    const inBounds = `mentions_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)`;
    const match = [ftsQueryOf(term), lo, hi];
    const matchSql = `m.id IN (SELECT rowid FROM mentions_fts WHERE ${inBounds}) AND ${plain.sql} AND trend_has_term(m.text, ?)`;
    const matchParams = [...match, ...plain.params, term];
    const idOf = (t: string) =>
      db.prepare('SELECT id FROM trend_terms WHERE term = ?').pluck().get(t) as number | undefined;
    const termId = idOf(term);
    const countEverywhere = (id: number | undefined) =>
      id === undefined
        ? 0
        : (db.prepare('SELECT coalesce(sum(n), 0) FROM term_year WHERE term_id = ?').pluck().get(id) as number);
    // Full-text matches to read (a hashtag's MATCH also finds its word without the `#`): from the rollup
    // while that says enough, counted in the index when the choice depends on it.
    const word = term.startsWith('#') ? normalizeTerm(term.slice(1)) : term;
    let matches = !termsReady
      ? Infinity
      : word
        ? Math.max(countEverywhere(termId), countEverywhere(idOf(word)))
        : 5 * countEverywhere(termId);
    // Costs in mentions read: a walk reads every mention of the range (any filter is tested on the row),
    // the full-text way every match within the bounds.
    const all = mentionsIn(db, fromMs, toMs, EMPTY_FILTER);
    if (unfiltered && termsReady) total = termTotal(db, termId, term, fromMs, toMs);
    else if (all <= counting.exact && all <= matches) total = countOf('mentions m', walkSql, walkParams);
    else {
      matches = db
        .prepare(`SELECT count(*) FROM mentions_fts WHERE ${inBounds}`)
        .pluck()
        .get(...match) as number;
      if (matches <= counting.exact) total = countOf('mentions m', matchSql, matchParams);
      else {
        // The newest `scan` full-text matches (by id) only: more than `cap` found there, or matches left
        // unread, make the total a lower bound (`capped`).
        // Their qualifying ids, newest first, are read once: the count, and the page when a walk would be long.
        const newest = `SELECT rowid AS id FROM mentions_fts WHERE ${inBounds} ORDER BY rowid DESC LIMIT ?`;
        qualifying = db
          .prepare(
            `SELECT m.id FROM (${newest}) AS f CROSS JOIN mentions m ON m.id = f.id
             WHERE ${plain.sql} AND trend_has_term(m.text, ?) ORDER BY m.created_at DESC, m.id DESC`,
          )
          .pluck()
          .all(...match, counting.scan, ...plain.params, term) as number[];
        total = qualifying.length;
        capped = total > counting.cap || matches > counting.scan;
        // Terms and filters go together (a word belongs to a topic): what the newest matches held says more
        // than the filter's share of all mentions, unless the count stopped at the cap.
        if (total <= counting.cap) observed = (Math.max(total, 0.5) * matches) / Math.min(matches, counting.scan);
        total = Math.min(total, counting.cap);
      }
    }
    // Mentions the walk reads before the page is full, against the matches the full-text way reads. A capped
    // count says little about how many there are: the filter's share of the range's mentions says more.
    const expected = !capped
      ? total
      : (observed ?? (matches * mentionsIn(db, fromMs, toMs, input.filter)) / Math.max(1, all));
    const walked = expected ? Math.min(all, ((input.offset + input.limit) * all) / expected) : all;
    if (total === 0 && !capped) page = [];
    else if (walked <= matches && (qualifying === null || walked <= counting.exact))
      page = pageOf('mentions m', walkSql, walkParams);
    // Capped, and a walk would be long: the page comes from the matches the count read (a lower bound too).
    else if (qualifying !== null) page = qualifying.slice(input.offset, input.offset + input.limit);
    else page = pageOf('mentions m', matchSql, matchParams);
  } else {
    const plain = where(false);
    // A municipality alone (with the panel filter) is counted in the place rollups.
    total =
      input.municipality && !input.sentiment?.length && !input.hourOfWeek
        ? (placeSums(db, fromMs, toMs, input.filter, input.municipality).get(input.municipality)?.n ?? 0)
        : countOf('mentions m', plain.sql, plain.params);
    page = total > input.offset ? pageOf('mentions m', plain.sql, plain.params) : [];
  }
  const records = page.length
    ? (db
        .prepare(
          `SELECT ${ROW_COLUMNS} FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.id IN (${page.map(() => '?').join(', ')})`,
        )
        .all(...page) as RowRecord[])
    : [];
  const byId = new Map(records.map((r) => [r.id, r]));
  const rows = page.map((id) => toRow(byId.get(id)!));
  return { total, offset: input.offset, rows, ...(capped ? { capped } : {}) };
}
