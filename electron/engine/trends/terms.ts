import type { z } from 'zod';
import type { DrillInput, TermChange, TermsInput, TermsPanel, TrendFilter } from '../../../shared/api/trends';
import type { MentionRow } from '../../../shared/domain/mention';
import { ROW_COLUMNS, toRow, type RowRecord } from '../mentions/read';
import type { Db } from '../store/db';
import { comparePeriod } from './panels';
import { cover, filterSql } from './range';
import { ftsQueryOf, normalizeTerm, termsOf } from './tokens';

/**
 * Rising and falling terms: words and hashtags counted once per mention, this period against the one before.
 *
 * Without filters they come from the term rollup (term_month for whole months, term_day for whole local days,
 * the raw mentions for the part-days at the ends), so any range costs about the same. With a channel,
 * language or topic filter the rollup (per day × term only) cannot answer: the raw mentions are counted
 * instead, exactly up to EXACT_LIMIT mentions per period and from an even sample beyond (`sampled`).
 */

/** Filtered periods up to this many mentions are counted exactly. */
const EXACT_LIMIT = 20_000;
/** A term needs this many mentions in both periods together to be listed (noise otherwise). */
const MIN_MENTIONS = 3;

type Counts = Map<string, number>;

function addCounts(into: Counts, rows: { term: string; n: number }[]): void {
  for (const { term, n } of rows) into.set(term, (into.get(term) ?? 0) + n);
}

function countTexts(into: Counts, texts: string[], weight: number): void {
  for (const text of texts) for (const term of termsOf(text)) into.set(term, (into.get(term) ?? 0) + weight);
}

/** Term counts of a period from the rollup (no filter). */
function rollupCounts(db: Db, fromMs: number, toMs: number, kind: 'all' | 'hashtag' | 'word'): Counts {
  const counts: Counts = new Map();
  const kindSql = kind === 'hashtag' ? `AND t.term GLOB '#*'` : kind === 'word' ? `AND t.term NOT GLOB '#*'` : '';
  for (const piece of cover(fromMs, toMs, ['month', 'day'])) {
    if (piece.level === 'raw') {
      const texts = db
        .prepare('SELECT text FROM mentions WHERE created_at >= ? AND created_at < ?')
        .pluck()
        .all(piece.fromMs, piece.toMs) as string[];
      countTexts(counts, texts, 1);
      continue;
    }
    const rows = db
      .prepare(
        `SELECT t.term, s.n FROM (SELECT term_id, sum(n) AS n FROM term_${piece.level}
           WHERE bucket BETWEEN ? AND ? GROUP BY term_id HAVING sum(n) > 0) s
         JOIN trend_terms t ON t.id = s.term_id ${kindSql}`,
      )
      .all(piece.lo, piece.hi) as { term: string; n: number }[];
    addCounts(counts, rows);
  }
  return counts;
}

/** Term counts of a period from the raw mentions with a filter: exact, or an even sample scaled up. */
function filteredCounts(
  db: Db,
  fromMs: number,
  toMs: number,
  filter: TrendFilter,
): { counts: Counts; sampled: boolean } {
  const where = filterSql(filter, 'mentions');
  const params = [fromMs, toMs, ...where.params];
  const total = db
    .prepare(`SELECT count(*) FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND ${where.sql}`)
    .pluck()
    .get(...params) as number;
  const stride = Math.max(1, Math.ceil(total / EXACT_LIMIT));
  const texts = db
    .prepare(
      `SELECT m.text FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND ${where.sql} AND m.id % ? = 0`,
    )
    .pluck()
    .all(...params, stride) as string[];
  const counts: Counts = new Map();
  countTexts(counts, texts, stride);
  return { counts, sampled: stride > 1 };
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
      : { counts: rollupCounts(db, a, b, input.kind), sampled: false };
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

/** `trend_has_term(text, term)`: whether a text holds a term as termsOf counts it (hashtags need it). */
function registerTermFunction(db: Db): void {
  if (withTermFunction.has(db)) return;
  db.function('trend_has_term', { deterministic: true }, (text: unknown, term: unknown) =>
    typeof text === 'string' && typeof term === 'string' && termsOf(text).has(term) ? 1 : 0,
  );
  withTermFunction.add(db);
}

/**
 * The mentions behind a term, a municipality or an hour-of-week cell (newest first). A term is found
 * through the full-text index (a word is exactly one FTS5 token; a hashtag's tokens are matched and then
 * checked for the `#`), a municipality through mentions.place_code.
 */
export function drill(
  db: Db,
  input: z.output<typeof DrillInput>,
): { total: number; offset: number; rows: MentionRow[] } {
  const where = filterSql(input.filter, 'mentions');
  const parts = ['m.created_at >= ?', 'm.created_at < ?', where.sql];
  const params: unknown[] = [Date.parse(input.from), Date.parse(input.to), ...where.params];
  let from = 'mentions m';
  if (input.term) {
    const term = normalizeTerm(input.term);
    if (!term) return { total: 0, offset: input.offset, rows: [] };
    from = 'mentions_fts f JOIN mentions m ON m.id = f.rowid';
    parts.unshift('mentions_fts MATCH ?');
    params.unshift(ftsQueryOf(term));
    if (term.startsWith('#')) {
      registerTermFunction(db);
      parts.push('trend_has_term(m.text, ?)');
      params.push(term);
    }
  }
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
  const whereSql = parts.join(' AND ');
  const total = db
    .prepare(`SELECT count(*) FROM ${from} WHERE ${whereSql}`)
    .pluck()
    .get(...params) as number;
  const page = db
    .prepare(`SELECT m.id FROM ${from} WHERE ${whereSql} ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, input.limit, input.offset) as number[];
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
