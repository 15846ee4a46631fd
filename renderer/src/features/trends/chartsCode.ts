import type * as ChartsCode from './echarts';

export type Charts = typeof ChartsCode;

let loaded: Charts | null = null;
let loading: Promise<Charts> | null = null;

/**
 * The chart library (./echarts, a chunk of its own): asked for when a visit to Trends starts, in parallel
 * with the page's own code and its data, so the panels' frames and the term lists show while it still
 * loads. A failed load is forgotten, so the next chart asks again.
 */
export function loadCharts(): Promise<Charts> {
  loading ??= import('./echarts').then(
    (code) => (loaded = code),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The chart library once it has loaded (a chart drawn after that starts at once), null before. */
export function loadedCharts(): Charts | null {
  return loaded;
}
