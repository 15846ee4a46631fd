import type { Granularity } from '../api/trends';
import { DAY_MS, HOUR_MS } from './time';

/** Most points a time panel draws before it switches to a coarser granularity. */
export const MAX_POINTS = 1000;

const APPROX_MS: Record<Granularity, number> = {
  hour: HOUR_MS,
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30.44 * DAY_MS,
};

/** The finest granularity that keeps a range within MAX_POINTS buckets. */
export function chooseGranularity(fromMs: number, toMs: number, maxPoints = MAX_POINTS): Granularity {
  const span = Math.max(0, toMs - fromMs);
  for (const g of ['hour', 'day', 'week'] as const) if (Math.ceil(span / APPROX_MS[g]) <= maxPoints) return g;
  return 'month';
}
