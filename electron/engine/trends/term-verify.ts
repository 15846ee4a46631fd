import type { RollupVerification } from '../../../shared/api/trends';
import { monthFirstDay, monthOfDay } from '../../../shared/trends/time';
import { getMeta } from '../mentions/write';
import type { Db } from '../store/db';
import { TERM_LEVELS, type TermLevel } from './indexer';
import { termsOf } from './tokens';

/**
 * Verifying the term rollup (term_day, term_month, term_year, and the id bounds per month) against the raw
 * mentions. Words need code,
 * so this recounts in JavaScript, one local month at a time along the time index (memory stays small; at
 * 1M mentions it costs about as much as tokenising every text once). It covers the mentions the indexer
 * has counted (ids up to its cursor); texts of deleted or re-written mentions still queued in
 * term_retractions are what the stored counts include and the raw mentions no longer show, so they are
 * added to what is expected.
 */

type Difference = RollupVerification['differences'][number];

interface TermVerification {
  checkedRows: number;
  differenceCount: number;
  differences: Difference[];
  /** Mentions not counted yet (past the indexer's cursor): not verified. */
  pending: number;
}

type Expected = Map<string, number>;

const key = (bucket: number, term: string) => `${bucket}\t${term}`;

function add(into: Expected, bucket: number, terms: Iterable<string>, sign: number): void {
  for (const term of terms) into.set(key(bucket, term), (into.get(key(bucket, term)) ?? 0) + sign);
}

/**
 * Compares the term rollup with a recount; lists up to `listAtMost` differences and counts them all. A
 * generator: it yields the mentions recounted so far after every `chunk` of them (a step of a job).
 */
export function* verifyTermRollup(db: Db, listAtMost: number, chunk = 5_000): Generator<number, TermVerification> {
  const cursor = Number(getMeta(db, 'terms_indexed_through') ?? 0);
  const pending = db.prepare('SELECT count(*) FROM mentions WHERE id > ?').pluck().get(cursor) as number;
  const names: string[] = [];
  for (const [id, term] of db.prepare('SELECT id, term FROM trend_terms').raw().all() as [number, string][])
    names[id] = term;
  const out: TermVerification = { checkedRows: 0, differenceCount: 0, differences: [], pending };

  const compare = (level: TermLevel, expected: Expected, stored: [number, number, number][]) => {
    const seen = new Map<string, number>();
    for (const [bucket, termId, n] of stored) {
      const k = key(bucket, names[termId] ?? `#id${termId}`);
      seen.set(k, (seen.get(k) ?? 0) + n);
    }
    for (const k of new Set([...expected.keys(), ...seen.keys()])) {
      const want = expected.get(k) ?? 0;
      const have = seen.get(k) ?? 0;
      if (want !== 0) out.checkedRows += 1;
      if (want === have) continue;
      out.differenceCount += 1;
      if (out.differences.length < listAtMost)
        out.differences.push({
          table: `term_${level}`,
          key: k.replace('\t', '|'),
          column: 'n',
          stored: have,
          expected: want,
        });
    }
  };

  // What the queue of retractions still has to take back (−1) or count (+1): the stored counts hold its opposite.
  const queued = new Map<number, { created_at: number; text: string; sign: number }[]>();
  const rewritten = new Set<number>();
  for (const entry of db.prepare('SELECT mention_id, created_at, text, sign FROM term_retractions').all() as {
    mention_id: number;
    created_at: number;
    text: string;
    sign: number;
  }[]) {
    const month = TERM_LEVELS.month(entry.created_at);
    queued.set(month, [...(queued.get(month) ?? []), entry]);
    if (entry.sign > 0) rewritten.add(entry.mention_id);
  }
  // Every counted mention's id must lie within its month's bounds (a queued re-write is not placed yet).
  const bounds = new Map<number, [number, number]>();
  for (const [m, lo, hi] of db.prepare('SELECT month, min_id, max_id FROM term_id_bounds').raw().all() as [
    number,
    number,
    number,
  ][])
    bounds.set(m, [lo, hi]);
  const checkBounds = (id: number, m: number) => {
    const b = bounds.get(m);
    if ((b && id >= b[0] && id <= b[1]) || rewritten.has(id)) return;
    out.differenceCount += 1;
    if (out.differences.length < listAtMost)
      out.differences.push({
        table: 'term_id_bounds',
        key: String(m),
        column: b && id < b[0] ? 'min_id' : 'max_id',
        stored: b ? (id < b[0] ? b[0] : b[1]) : 0,
        expected: id,
      });
  };
  const months = new Set<number>(queued.keys());
  for (const bucket of db.prepare('SELECT DISTINCT bucket FROM term_month').pluck().all() as number[])
    months.add(bucket);
  for (const day of db.prepare('SELECT DISTINCT bucket FROM term_day').pluck().all() as number[])
    months.add(monthOfDay(day));

  const year: Expected = new Map();
  let day: Expected = new Map();
  let month: Expected = new Map();
  let current: number | null = null;
  const flush = (m: number) => {
    for (const entry of queued.get(m) ?? []) {
      const terms = termsOf(entry.text);
      add(day, TERM_LEVELS.day(entry.created_at), terms, -entry.sign);
      add(month, m, terms, -entry.sign);
      add(year, Math.floor(m / 12), terms, -entry.sign);
    }
    const firstDay = monthFirstDay(m);
    const lastDay = monthFirstDay(m + 1) - 1;
    compare(
      'day',
      day,
      db
        .prepare('SELECT bucket, term_id, n FROM term_day WHERE bucket BETWEEN ? AND ?')
        .raw()
        .all(firstDay, lastDay) as [number, number, number][],
    );
    compare(
      'month',
      month,
      db.prepare('SELECT bucket, term_id, n FROM term_month WHERE bucket = ?').raw().all(m) as [
        number,
        number,
        number,
      ][],
    );
    months.delete(m);
    day = new Map();
    month = new Map();
  };
  const texts = db
    .prepare('SELECT id, created_at, text FROM mentions WHERE id <= ? ORDER BY created_at')
    .raw()
    .iterate(cursor) as IterableIterator<[number, number, string]>;
  let recounted = 0;
  for (const [id, createdAt, text] of texts) {
    if (++recounted % chunk === 0) yield recounted;
    const m = TERM_LEVELS.month(createdAt);
    checkBounds(id, m);
    if (m !== current) {
      if (current !== null) flush(current);
      current = m;
    }
    const terms = termsOf(text);
    add(day, TERM_LEVELS.day(createdAt), terms, 1);
    add(month, m, terms, 1);
    add(year, Math.floor(m / 12), terms, 1);
  }
  if (current !== null) flush(current);
  for (const m of [...months]) flush(m);
  compare(
    'year',
    year,
    db.prepare('SELECT bucket, term_id, n FROM term_year').raw().all() as [number, number, number][],
  );
  return out;
}
