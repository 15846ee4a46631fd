/** Pearson correlation of two equally long series over the positions where both have a value; null below 3 pairs or without variance. */
export function pearson(
  xs: readonly (number | null)[],
  ys: readonly (number | null)[],
): { r: number | null; pairs: number } {
  const pairs: [number, number][] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i] ?? null;
    const y = ys[i] ?? null;
    if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) pairs.push([x, y]);
  }
  if (pairs.length < 3) return { r: null, pairs: pairs.length };
  const mx = pairs.reduce((s, p) => s + p[0], 0) / pairs.length;
  const my = pairs.reduce((s, p) => s + p[1], 0) / pairs.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return { r: null, pairs: pairs.length };
  return { r: sxy / Math.sqrt(sxx * syy), pairs: pairs.length };
}

/** The median of a list of numbers (sorted copy); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): keeps the first and last point and, per
 * bucket, the point that makes the largest triangle with its neighbours, so peaks survive. Points are [x, y].
 */
export function lttb(input: readonly (readonly [number, number])[], threshold: number): [number, number][] {
  if (threshold >= input.length || threshold < 3) return input.map(([x, y]) => [x, y]);
  const at = (i: number): readonly [number, number] => input[i]!;
  const out: [number, number][] = [[at(0)[0], at(0)[1]]];
  const every = (input.length - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, input.length);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += at(j)[0];
      avgY += at(j)[1];
    }
    avgX /= Math.max(1, nextEnd - nextStart);
    avgY /= Math.max(1, nextEnd - nextStart);
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((at(a)[0] - avgX) * (at(j)[1] - at(a)[1]) - (at(a)[0] - at(j)[0]) * (avgY - at(a)[1]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push([at(best)[0], at(best)[1]]);
    a = best;
  }
  out.push([at(input.length - 1)[0], at(input.length - 1)[1]]);
  return out;
}
