import { describe, expect, it } from 'vitest';
import { bucketStart } from '../../../shared/trends/time';
import { termCover, type SignedPiece } from './term-cover';

/** Start and end instants of a piece, to test membership of an instant. */
function bounds(piece: SignedPiece): [number, number] {
  if (piece.level === 'raw') return [piece.fromMs, piece.toMs];
  if (piece.level === 'year') return [bucketStart('month', piece.lo * 12), bucketStart('month', (piece.hi + 1) * 12)];
  return [bucketStart(piece.level, piece.lo), bucketStart(piece.level, piece.hi + 1)];
}

function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('term cover', () => {
  const rnd = random(11);
  const base = Date.parse('2019-01-01T00:00:00Z');
  const span = 8 * 365 * 86_400_000;
  const ranges: [number, number][] = [
    [Date.parse('2021-11-01T00:00:00Z'), Date.parse('2026-11-01T00:00:00Z')],
    [Date.parse('2025-03-30T00:30:00Z'), Date.parse('2025-10-26T02:30:00+01:00')],
    ...Array.from({ length: 40 }, (): [number, number] => {
      const a = base + Math.floor(rnd() * span);
      return [a, a + Math.floor(rnd() * rnd() * span)];
    }),
  ];

  it.each(ranges)('pieces of [%i, %i) add up to exactly the range at every instant', (from, to) => {
    const pieces = termCover(from, to);
    const probes = [from - 1, from, to - 1, to, ...Array.from({ length: 300 }, () => from + (to - from) * rnd())];
    for (const piece of pieces) {
      const [a, b] = bounds(piece);
      probes.push(a - 1, a, b - 1, b);
    }
    for (const t of probes.map(Math.floor)) {
      let weight = 0;
      for (const piece of pieces) {
        const [a, b] = bounds(piece);
        if (t >= a && t < b) weight += piece.sign;
      }
      expect([t, weight]).toEqual([t, t >= from && t < to ? 1 : 0]);
    }
  });

  it('reads five years as a few years, months and days rather than sixty months', () => {
    const pieces = termCover(Date.parse('2021-11-02T00:00:00Z'), Date.parse('2026-11-01T00:00:00Z'));
    const buckets = pieces.map((p) => (p.level === 'raw' ? 0 : p.hi - p.lo + 1));
    expect(buckets.reduce((a, b) => a + b, 0)).toBeLessThan(20);
    expect(pieces.some((p) => p.level === 'year')).toBe(true);
  });
});
