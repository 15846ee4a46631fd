import type { z } from 'zod';
import type { DrillInput, TermChange, TermsInput, TermsPanel, TrendFilter } from '../../../shared/api/trends';
import type { MentionRow } from '../../../shared/domain/mention';
import { ROW_COLUMNS, toRow, type RowRecord } from '../mentions/read';
import { chooseGranularity } from '../../../shared/trends/granularity';
import { bucketEnd, bucketStart } from '../../../shared/trends/time';
import type { Db } from '../store/db';
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
 * exactly up to EXACT_LIMIT mentions per period; beyond that from a sample (`sampled`) stratified by time:
 * the period's buckets (exact filtered totals from the volume rollups) each give mentions spread evenly over
 * the bucket in proportion to its volume, weighted up to its total.
 */

/** Filtered periods up to this many mentions are counted exactly. */
const EXACT_LIMIT = 3_000;
/** Mentions a larger filtered period is sampled with. */
const SAMPLE_SIZE = 1_500;
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
  const rows = db
    .prepare('SELECT id, term FROM trend_terms WHERE id >= ? ORDER BY id')
    .raw()
    .all(names.length) as [number, string][];
  for (const [id, term] of rows) names[id] = term;
  return names;
}

/** Term counts of a period from the rollup (no filter): signed sums of whole buckets, the raw rest tokenised. */
function rollupCounts(db: Db, fromMs: number, toMs: number): Counts {
  const names = termsById(db);
  const byId = new Float64Array(names.length + 1);
  const counts: Counts = new Map();
  for (const piece of termCover(fromMs, toMs)) {
    if (piece.level === 'raw') {
      const texts = db
        .prepare('SELECT text FROM mentions WHERE created_at >= ? AND created_at < ?')
        .pluck()
        .all(piece.fromMs, piece.toMs) as string[];
      countTexts(counts, texts, piece.sign);
      continue;
    }
    const rows = db
      .prepare(`SELECT term_id, n FROM term_${piece.level} WHERE bucket BETWEEN ? AND ?`)
      .raw()
      .all(piece.lo, piece.hi) as [number, number][];
    for (const [id, n] of rows) if (id < byId.length) byId[id]! += piece.sign * n;
  }
  byId.forEach((n, id) => {
    if (n !== 0) counts.set(names[id]!, (counts.get(names[id]!) ?? 0) + n);
  });
  return counts;
}

/** Term counts of a period from the raw mentions with a filter: exact, or a stratified sample weighted up. */
function filteredCounts(
  db: Db,
  fromMs: number,
  toMs: number,
  filter: TrendFilter,
): { counts: Counts; sampled: boolean } {
  const where = filterSql(filter, 'mentions');
  const granularity = chooseGranularity(fromMs, toMs);
  const perBucket = [...sumRange(db, granularity, fromMs, toMs, filter, null, ['n'])]
    .map(([bucket, groups]) => ({ bucket, n: groups.get('')?.n ?? 0 }))
    .filter((b) => b.n > 0);
  const total = perBucket.reduce((sum, b) => sum + b.n, 0);
  const counts: Counts = new Map();
  const textsIn = db.prepare(
    `SELECT m.text FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND ${where.sql}`,
  );
  if (total <= EXACT_LIMIT) {
    countTexts(counts, textsIn.pluck().all(fromMs, toMs, ...where.params) as string[], 1);
    return { counts, sampled: false };
  }
  const firstAfter = db.prepare(
    `SELECT m.id, m.text FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND ${where.sql}
     ORDER BY m.created_at LIMIT 1`,
  );
  for (const { bucket, n } of perBucket) {
    const start = Math.max(fromMs, bucketStart(granularity, bucket));
    const end = Math.min(toMs, bucketEnd(granularity, bucket));
    const quota = Math.max(1, Math.round((SAMPLE_SIZE * n) / total));
    if (n <= 2 * quota) {
      countTexts(counts, textsIn.pluck().all(start, end, ...where.params) as string[], 1);
      continue;
    }
    const picked = new Map<number, string>();
    for (let i = 0; i < quota; i++) {
      const at = Math.floor(start + ((i + 0.5) * (end - start)) / quota);
      const row = firstAfter.get(at, end, ...where.params) as { id: number; text: string } | undefined;
      if (row) picked.set(row.id, row.text);
    }
    countTexts(counts, [...picked.values()], n / picked.size);
  }
  for (const [term, n] of counts) counts.set(term, Math.round(n));
  return { counts, sampled: true };
}

const hasFilter = (filter: TrendFilter) =>
  filter.channel.length > 0 || filter.lang.length > 0 || filter.topicId.length > 0;

/** Rising and falling terms of a period against the previous one (or last year). */
export function termsPanel(db: Db, input: z.output<typeof TermsInput>, pending: number): TermsPanel {
  const fromMs = Date.parse(input.from);
  const toMs = Date.parse(input.to);
  const previous = comparePeriod(fromMs, toMs, input.compare ?? 'previous');
  const read = (a: number, b: number) =>
    hasFilter(input.filter)
      ? filteredCounts(db, a, b, input.filter)
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
function termTotal(db: Db, term: string, fromMs: number, toMs: number): number {
  const id = db.prepare('SELECT id FROM trend_terms WHERE term = ?').pluck().get(term) as number | undefined;
  let total = 0;
  for (const piece of termCover(fromMs, toMs)) {
    if (piece.level === 'raw') {
      const texts = db
        .prepare('SELECT text FROM mentions WHERE created_at >= ? AND created_at < ?')
        .pluck()
        .all(piece.fromMs, piece.toMs) as string[];
      for (const text of texts) if (hasTerm(text, term)) total += piece.sign;
    } else if (id !== undefined) {
      const n = db
        .prepare(`SELECT coalesce(sum(n), 0) FROM term_${piece.level} WHERE bucket BETWEEN ? AND ? AND term_id = ?`)
        .pluck()
        .get(piece.lo, piece.hi, id) as number;
      total += piece.sign * n;
    }
  }
  return total;
}

/** Relative cost per mention of walking the time index and testing its text, against sorting a match. */
const WALK_COST = 3;

/**
 * The mentions behind a term, a municipality or an hour-of-week cell (newest first).
 *
 * A word is one FTS5 token, so its mentions are an FTS5 MATCH; a hashtag's are the MATCH of its tokens
 * checked for the `#` (trend_has_term). The total of an unfiltered term comes from the term rollup when
 * the indexer is caught up (`termsReady`), otherwise from counting the matches. The page of a common
 * term walks the time index newest first and tests each text until the page is full (a few hundred
 * texts); a rare term's matches are few, so they are sorted instead. A municipality goes through
 * mentions.place_code.
 */
export function drill(
  db: Db,
  input: z.output<typeof DrillInput>,
  termsReady = false,
): { total: number; offset: number; rows: MentionRow[] } {
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
  const pageOf = (sql: string, whereParams: unknown[]) =>
    db
      .prepare(`SELECT m.id FROM mentions m WHERE ${sql} ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`)
      .pluck()
      .all(...whereParams, input.limit, input.offset) as number[];

  let total: number;
  let page: number[];
  if (input.term) {
    const term = normalizeTerm(input.term);
    if (!term) return { total: 0, offset: input.offset, rows: [] };
    registerTermFunction(db);
    const tag = term.startsWith('#');
    const plain = where(false);
    const matches = `m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)${tag ? ' AND trend_has_term(m.text, ?)' : ''}`;
    const matchParams = [ftsQueryOf(term), ...(tag ? [term] : [])];
    total =
      unfiltered && termsReady
        ? termTotal(db, term, fromMs, toMs)
        : (db
            .prepare(`SELECT count(*) FROM mentions m WHERE ${matches} AND ${plain.sql}`)
            .pluck()
            .get(...matchParams, ...plain.params) as number);
    // Mentions the walk reads before the page is full, against the matches a sort would read.
    let inRange = 0;
    for (const groups of sumRange(db, 'month', fromMs, toMs, input.filter, null, ['n']).values())
      inRange += groups.get('')?.n ?? 0;
    const walked = total ? ((input.offset + input.limit) * inRange) / total : Infinity;
    if (total > 0 && walked * WALK_COST < total) {
      // Unary plus on the filter's columns keeps SQLite on the time index, so the walk stops at the page's end.
      const walk = where(true);
      page = pageOf(`${walk.sql} AND trend_has_term(m.text, ?)`, [...walk.params, term]);
    } else {
      page = total > input.offset ? pageOf(`${matches} AND ${plain.sql}`, [...matchParams, ...plain.params]) : [];
    }
  } else {
    const plain = where(false);
    total = db
      .prepare(`SELECT count(*) FROM mentions m WHERE ${plain.sql}`)
      .pluck()
      .get(...plain.params) as number;
    page = pageOf(plain.sql, plain.params);
  }
  const records = page.length
    ? (db
        .prepare(
          `SELECT ${ROW_COLUMNS} FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.id IN (${page.map(() => '?').join(', ')})`,
        )
        .all(...page) as RowRecord[])
    : [];
  const byId = new Map(records.map((r) => [r.id, r]));
  return { total, offset: input.offset, rows: page.map((id) => toRow(byId.get(id)!)) };
}
