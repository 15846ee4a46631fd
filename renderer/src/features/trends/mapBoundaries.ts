import type { MapRegion } from '../../../../shared/api/trends';
import { call } from '../../api/client';
import { loadCharts } from './chartsCode';

/** Where a region's boundaries come from, for the caption under the map. */
export interface BoundarySource {
  mapName: string;
  source: string;
  licence: string;
}

const loaded = new Map<MapRegion, Promise<BoundarySource>>();

/**
 * Fetches a region's municipality boundaries from the engine once per window and registers them with
 * ECharts under `watchpost-<region>`. A failed fetch is forgotten, so the next render tries again.
 */
export function loadBoundaries(region: MapRegion): Promise<BoundarySource> {
  let pending = loaded.get(region);
  if (!pending) {
    // The boundaries and the chart library (a chunk of its own) load side by side.
    pending = Promise.all([call('trends.boundaries', { region }), loadCharts()]).then(([boundaries, { echarts }]) => {
      const mapName = `watchpost-${region}`;
      echarts.registerMap(mapName, boundaries.geojson as Parameters<typeof echarts.registerMap>[1]);
      return { mapName, source: boundaries.source, licence: boundaries.licence };
    });
    pending.catch(() => loaded.delete(region));
    loaded.set(region, pending);
  }
  return pending;
}

/** Drops the boundaries fetched so far (new ones were imported): the map asks the engine again. */
export function forgetBoundaries(): void {
  loaded.clear();
}
