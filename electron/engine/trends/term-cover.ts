import { bucketOf, bucketStart, HOUR_MS } from '../../../shared/trends/time';
import type { TermLevel } from './indexer';

/**
 * How a time range is read from the term rollup (term_year, term_month, term_day, then the raw mentions):
 * as whole buckets added and, where that reads less, a whole coarser bucket minus the part outside the
 * range. Five years then cost about five year rows per term plus a few months or days at the ends, instead
 * of sixty months; a part-day at an end is a day minus a few raw hours rather than up to 23 raw hours.
 */

export type SignedPiece =
  | { sign: 1 | -1; level: TermLevel; lo: number; hi: number }
  | { sign: 1 | -1; level: 'raw'; fromMs: number; toMs: number };

const ORDER: TermLevel[] = ['year', 'month', 'day'];

/** Rough cost of reading one bucket of a level (rows per bucket, relative), and of one raw hour. */
const COST: Record<TermLevel, number> = { year: 4, month: 2, day: 1 };
const RAW_HOUR_COST = 0.4;

function bucketAt(level: TermLevel, ms: number): number {
  if (level === 'year') return Math.floor(bucketOf('month', ms) / 12);
  return bucketOf(level, ms);
}

function startOf(level: TermLevel, bucket: number): number {
  return level === 'year' ? bucketStart('month', bucket * 12) : bucketStart(level, bucket);
}

const endOf = (level: TermLevel, bucket: number): number => startOf(level, bucket + 1);

function costOf(pieces: SignedPiece[]): number {
  let cost = 0;
  for (const p of pieces)
    cost += p.level === 'raw' ? ((p.toMs - p.fromMs) / HOUR_MS) * RAW_HOUR_COST : (p.hi - p.lo + 1) * COST[p.level];
  return cost;
}

const flip = (pieces: SignedPiece[]): SignedPiece[] => pieces.map((p) => ({ ...p, sign: p.sign === 1 ? -1 : 1 }));

/** [a, b) inside one bucket of `levels[0]`: by finer levels, or as that bucket minus what lies outside. */
function part(a: number, b: number, levels: TermLevel[]): SignedPiece[] {
  if (a >= b) return [];
  const [level, ...finer] = levels;
  if (!level) return [{ sign: 1, level: 'raw', fromMs: a, toMs: b }];
  const bucket = bucketAt(level, a);
  const added = cover(a, b, finer);
  const subtracted: SignedPiece[] = [
    { sign: 1, level, lo: bucket, hi: bucket },
    ...flip(cover(startOf(level, bucket), a, finer)),
    ...flip(cover(b, endOf(level, bucket), finer)),
  ];
  return costOf(subtracted) < costOf(added) ? subtracted : added;
}

/** Pieces whose signed sum is exactly [a, b) at the given levels (coarsest first) and the raw mentions. */
function cover(a: number, b: number, levels: TermLevel[]): SignedPiece[] {
  if (a >= b) return [];
  const [level] = levels;
  if (!level) return [{ sign: 1, level: 'raw', fromMs: a, toMs: b }];
  const first = bucketAt(level, a);
  const last = bucketAt(level, b - 1);
  if (first === last) return part(a, b, levels);
  let lo = first;
  if (startOf(level, lo) < a) lo += 1;
  let hi = last;
  if (endOf(level, hi) > b) hi -= 1;
  const middle: SignedPiece[] = lo <= hi ? [{ sign: 1, level, lo, hi }] : [];
  return [...part(a, startOf(level, lo), levels), ...middle, ...part(endOf(level, hi), b, levels)];
}

/** The signed pieces of [fromMs, toMs) in the term rollup. */
export function termCover(fromMs: number, toMs: number): SignedPiece[] {
  return cover(fromMs, toMs, ORDER);
}
