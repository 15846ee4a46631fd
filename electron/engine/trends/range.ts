import type { Granularity, TrendFilter } from '../../../shared/api/trends';
import { bucketEnd, bucketOf, bucketStart, HOUR_MS, localHourOfWeek } from '../../../shared/trends/time';
import type { Db } from '../store/db';

/**
 * Sums over any time range from the rollups: whole buckets of the panel's granularity come from that
 * level's table; a partial bucket at either end is filled from finer levels (days, hours) and the
 * sub-hour rest from the raw mentions, so the answer is exact for any range and stays small.
 */

export const MEASURES = [
  'n',
  'positive',
  'neutral',
  'negative',
  'score_sum',
  'reach_sum',
  'replied',
  'response_sum',
] as const;
export type Measure = (typeof MEASURES)[number];
export type Sums = Record<Measure, number>;
export type GroupBy = 'channel' | 'topics' | null;

export const zeroSums = (): Sums => ({
  n: 0,
  positive: 0,
  neutral: 0,
  negative: 0,
  score_sum: 0,
  reach_sum: 0,
  replied: 0,
  response_sum: 0,
});

/**
 * Where-clause fragments for a filter on a rollup table (`r`) or on mentions (`m`). `noIndex` writes the
 * mentions' columns as `+m.channel`, so SQLite keeps to the index the query is ordered by.
 */
export function filterSql(
  filter: TrendFilter,
  on: 'rollup' | 'mentions',
  noIndex = false,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const col = (c: string) => (on === 'rollup' ? c : `${noIndex ? '+' : ''}m.${c}`);
  if (filter.channel.length) {
    parts.push(`${col('channel')} IN (${filter.channel.map(() => '?').join(', ')})`);
    params.push(...filter.channel);
  }
  if (filter.lang.length) {
    parts.push(`${col('lang')} IN (${filter.lang.map(() => '?').join(', ')})`);
    params.push(...filter.lang);
  }
  if (filter.topicId.length) {
    if (on === 'rollup') {
      parts.push(`(${filter.topicId.map(() => `topics LIKE ?`).join(' OR ')})`);
      params.push(...filter.topicId.map((id) => `%,${id},%`));
    } else {
      parts.push(
        `EXISTS (SELECT 1 FROM mention_topics mt WHERE mt.mention_id = m.id AND mt.topic_id IN (${filter.topicId.map(() => '?').join(', ')}))`,
      );
      params.push(...filter.topicId);
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** A stretch of time read from one level: buckets lo..hi of `level`, or raw mentions in [fromMs, toMs). */
export type Piece =
  { level: 'hour' | 'day' | 'week' | 'month'; lo: number; hi: number } | { level: 'raw'; fromMs: number; toMs: number };

/** Finer levels that nest inside a bucket of each granularity. */
const FINER: Record<Granularity, ('day' | 'hour')[]> = {
  month: ['day', 'hour'],
  week: ['day', 'hour'],
  day: ['hour'],
  hour: [],
};

/** Splits [a, b) into whole buckets of `levels` (coarsest first) and raw rest. */
export function cover(a: number, b: number, levels: ('month' | 'week' | 'day' | 'hour')[]): Piece[] {
  if (a >= b) return [];
  const [level, ...finer] = levels;
  if (!level) return [{ level: 'raw', fromMs: a, toMs: b }];
  let lo = bucketOf(level, a);
  if (bucketStart(level, lo) < a) lo += 1;
  let hi = bucketOf(level, b - 1);
  if (bucketEnd(level, hi) > b) hi -= 1;
  if (lo > hi) return cover(a, b, finer);
  return [...cover(a, bucketStart(level, lo), finer), { level, lo, hi }, ...cover(bucketEnd(level, hi), b, finer)];
}

/** The pieces of a panel range, each with the panel bucket it counts for (null = its own bucket). */
export function plan(granularity: Granularity, fromMs: number, toMs: number): { piece: Piece; into: number | null }[] {
  const out: { piece: Piece; into: number | null }[] = [];
  const first = bucketOf(granularity, fromMs);
  const last = bucketOf(granularity, toMs - 1);
  for (const edge of [first, last]) {
    if (edge === last && edge === first && out.length) break;
    const start = bucketStart(granularity, edge);
    const end = bucketEnd(granularity, edge);
    if (start >= fromMs && end <= toMs) continue;
    for (const piece of cover(Math.max(start, fromMs), Math.min(end, toMs), FINER[granularity])) {
      out.push({ piece, into: edge });
    }
  }
  let lo = first;
  if (bucketStart(granularity, lo) < fromMs) lo += 1;
  let hi = last;
  if (bucketEnd(granularity, hi) > toMs) hi -= 1;
  if (lo <= hi) out.push({ piece: { level: granularity, lo, hi }, into: null });
  return out;
}

/** Each measure summed over raw mentions. */
const RAW_SUMS: Record<Measure, string> = {
  n: 'count(*)',
  positive: `sum(m.sentiment IS 'positive')`,
  neutral: `sum(m.sentiment IS 'neutral')`,
  negative: `sum(m.sentiment IS 'negative')`,
  score_sum: 'coalesce(sum(m.sentiment_score), 0)',
  reach_sum: 'coalesce(sum(m.reach), 0)',
  replied: 'sum(m.first_response_at IS NOT NULL)',
  response_sum: 'coalesce(sum(m.first_response_at - m.created_at), 0)',
};
const RAW_TOPICS = `coalesce((SELECT ',' || group_concat(topic_id, ',' ORDER BY topic_id) || ',' FROM mention_topics WHERE mention_id = m.id), '')`;

/** Sums per panel bucket and group (channel id, topic-set key, or '' for none). */
export type BucketSums = Map<number, Map<string, Sums>>;

/** Reads the sums of a range at a granularity, grouped, with the filter applied. */
export function sumRange(
  db: Db,
  granularity: Granularity,
  fromMs: number,
  toMs: number,
  filter: TrendFilter,
  groupBy: GroupBy,
  measures: readonly Measure[] = MEASURES,
): BucketSums {
  const sumColumns = measures.map((m) => `sum(${m})`).join(', ');
  const result: BucketSums = new Map();
  // Rows come as arrays [bucket, group, ...measures]: thousands per call, so no object per row.
  const put = (bucket: number, row: unknown[]) => {
    let groups = result.get(bucket);
    if (!groups) result.set(bucket, (groups = new Map()));
    const group = row[1] as string;
    let sums = groups.get(group);
    if (!sums) groups.set(group, (sums = zeroSums()));
    for (let i = 0; i < measures.length; i++) sums[measures[i]!] += (row[i + 2] as number | null) ?? 0;
  };
  if (toMs <= fromMs) return result;
  for (const { piece, into } of plan(granularity, fromMs, toMs)) {
    if (piece.level === 'raw') {
      const where = filterSql(filter, 'mentions');
      const group = groupBy === 'channel' ? 'm.channel' : groupBy === 'topics' ? RAW_TOPICS : `''`;
      const bucket = into ?? bucketOf(granularity, piece.fromMs);
      const rows = db
        .prepare(
          `SELECT 0, ${group}, ${measures.map((m) => RAW_SUMS[m]).join(', ')} FROM mentions m
           WHERE m.created_at >= ? AND m.created_at < ? AND ${where.sql} GROUP BY 2`,
        )
        .raw()
        .all(piece.fromMs, piece.toMs, ...where.params) as unknown[][];
      for (const row of rows) put(bucket, row);
      continue;
    }
    const where = filterSql(filter, 'rollup');
    const group = groupBy === 'channel' ? 'channel' : groupBy === 'topics' ? 'topics' : `''`;
    const rows = db
      .prepare(
        `SELECT bucket, ${group}, ${sumColumns} FROM rollup_${piece.level}
         WHERE bucket BETWEEN ? AND ? AND ${where.sql} GROUP BY 1, 2`,
      )
      .raw()
      .all(piece.lo, piece.hi, ...where.params) as unknown[][];
    for (const row of rows) put(into ?? (row[0] as number), row);
  }
  return result;
}

/**
 * A run of months lo..hi read from month and year tables: whole local years from the year table, a year
 * mostly covered as that year minus its other months (sign −1), the rest month by month. Five years then
 * read five year rows and a few months instead of sixty months.
 */
export function monthsByYear(
  lo: number,
  hi: number,
): { sign: 1 | -1; level: 'year' | 'month'; lo: number; hi: number }[] {
  const out: { sign: 1 | -1; level: 'year' | 'month'; lo: number; hi: number }[] = [];
  for (let year = Math.floor(lo / 12); year <= Math.floor(hi / 12); year++) {
    const a = Math.max(lo, year * 12);
    const b = Math.min(hi, year * 12 + 11);
    if (b - a + 1 <= 6) {
      out.push({ sign: 1, level: 'month', lo: a, hi: b });
      continue;
    }
    out.push({ sign: 1, level: 'year', lo: year, hi: year });
    if (a > year * 12) out.push({ sign: -1, level: 'month', lo: year * 12, hi: a - 1 });
    if (b < year * 12 + 11) out.push({ sign: -1, level: 'month', lo: b + 1, hi: year * 12 + 11 });
  }
  return out;
}

/** Mentions per local hour of the week (7 × 24, 0 = Monday) in a range, with the filter applied. */
export function hourOfWeekRange(db: Db, fromMs: number, toMs: number, filter: TrendFilter): number[][] {
  const cells = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  if (toMs <= fromMs) return cells;
  const count = (ms: number, n: number) => {
    const { dow, hour } = localHourOfWeek(ms);
    cells[dow]![hour]! += n;
  };
  for (const piece of cover(fromMs, toMs, ['month', 'hour'])) {
    if (piece.level === 'month') {
      const where = filterSql(filter, 'rollup');
      for (const part of monthsByYear(piece.lo, piece.hi)) {
        const [table, period] =
          part.level === 'year' ? ['rollup_hour_of_week_year', 'year'] : ['rollup_hour_of_week', 'month'];
        const rows = db
          .prepare(`SELECT how, sum(n) FROM ${table} WHERE ${period} BETWEEN ? AND ? AND ${where.sql} GROUP BY 1`)
          .raw()
          .all(part.lo, part.hi, ...where.params) as [number, number][];
        for (const [how, n] of rows) cells[Math.floor(how / 24)]![how % 24]! += part.sign * n;
      }
    } else if (piece.level === 'hour') {
      const where = filterSql(filter, 'rollup');
      const rows = db
        .prepare(`SELECT bucket, sum(n) AS n FROM rollup_hour WHERE bucket BETWEEN ? AND ? AND ${where.sql} GROUP BY 1`)
        .all(piece.lo, piece.hi, ...where.params) as { bucket: number; n: number }[];
      for (const row of rows) count(row.bucket * HOUR_MS, row.n);
    } else if (piece.level === 'raw') {
      const where = filterSql(filter, 'mentions');
      const rows = db
        .prepare(
          `SELECT m.created_at AS at FROM mentions m WHERE m.created_at >= ? AND m.created_at < ? AND ${where.sql}`,
        )
        .all(piece.fromMs, piece.toMs, ...where.params) as { at: number }[];
      for (const row of rows) count(row.at, 1);
    }
  }
  return cells;
}
