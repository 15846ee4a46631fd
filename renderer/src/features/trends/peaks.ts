/**
 * The buckets that stand out as peaks: local maxima well above the usual level (three times the median,
 * and at least 10), highest first, at most `limit`, and apart from each other so one incident that lasts
 * a few buckets is marked once.
 */
export function peakIndexes(values: readonly number[], limit: number): number[] {
  if (values.length < 3) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const threshold = Math.max(10, median * 3);
  const minGap = Math.max(2, Math.round(values.length / 50));
  const candidates = values
    .map((value, index) => ({ value, index }))
    .filter(
      ({ value, index }) =>
        value >= threshold && value >= (values[index - 1] ?? -Infinity) && value >= (values[index + 1] ?? -Infinity),
    )
    .sort((a, b) => b.value - a.value || a.index - b.index);
  const chosen: number[] = [];
  for (const { index } of candidates) {
    if (chosen.length === limit) break;
    if (chosen.every((other) => Math.abs(other - index) >= minGap)) chosen.push(index);
  }
  return chosen;
}
