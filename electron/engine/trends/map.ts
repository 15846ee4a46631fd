import type { z } from 'zod';
import type { MapInput, MapPanel, MapRegion, TrendFilter } from '../../../shared/api/trends';
import { WatchpostError } from '../../../shared/api/result';
import { boundariesInfo, listMunicipalities, loadMunicipalities, type StoredMunicipality } from '../geo/store';
import type { Db } from '../store/db';
import { axisOf, comparePeriod } from './panels';
import { cover, filterSql, monthsByYear, sumRange } from './range';

/**
 * The municipality map: mentions and net sentiment per municipality of Noord-Brabant or the Netherlands,
 * read from the place rollups (whole months and local days) and the raw mentions for part-days at the ends.
 */

/** CBS code of the province Noord-Brabant. */
export const BRABANT = 'PV30';

interface PlaceSums {
  n: number;
  positive: number;
  negative: number;
}

/** The municipalities of a region, or an `unavailable` error that says what to import. */
export function regionMunicipalities<T extends Pick<StoredMunicipality, 'province'>>(
  db: Db,
  region: MapRegion,
  load: (db: Db) => T[],
): T[] {
  if (!boundariesInfo(db))
    throw new WatchpostError(
      'unavailable',
      'the map needs municipality boundaries: import a CBS/PDOK file of gemeenten (GeoJSON or TopoJSON), ' +
        'e.g. `watchpost boundaries import gemeenten.geojson`',
    );
  const all = load(db);
  if (region === 'nl') return all;
  const brabant = all.filter((m) => m.province === BRABANT);
  if (!brabant.length)
    throw new WatchpostError(
      'unavailable',
      'the imported boundaries do not say which province a municipality is in, so Noord-Brabant cannot be ' +
        'shown: import a file with a provincie property (PV30) or use the map of the Netherlands',
    );
  return brabant;
}

/** Placed mentions per municipality code in [fromMs, toMs) with the filter applied (or of one municipality). */
export function placeSums(
  db: Db,
  fromMs: number,
  toMs: number,
  filter: TrendFilter,
  only?: string,
): Map<string, PlaceSums> {
  const out = new Map<string, PlaceSums>();
  const add = (rows: (PlaceSums & { code: string })[], sign = 1) => {
    for (const row of rows) {
      const sums = out.get(row.code) ?? { n: 0, positive: 0, negative: 0 };
      sums.n += sign * row.n;
      sums.positive += sign * row.positive;
      sums.negative += sign * row.negative;
      out.set(row.code, sums);
    }
  };
  for (const piece of cover(fromMs, toMs, ['month', 'day'])) {
    if (piece.level === 'raw') {
      // Unary plus: the part-day is read along the time index, not along every placed mention's place
      // (one municipality's along its own place index).
      const where = filterSql(filter, 'mentions', true);
      const place = only === undefined ? '+m.place_code IS NOT NULL' : 'm.place_code = ?';
      add(
        db
          .prepare(
            `SELECT m.place_code AS code, count(*) AS n, sum(m.sentiment IS 'positive') AS positive,
               sum(m.sentiment IS 'negative') AS negative FROM mentions m
             WHERE m.created_at >= ? AND m.created_at < ? AND ${place} AND ${where.sql} GROUP BY 1`,
          )
          .all(piece.fromMs, piece.toMs, ...(only === undefined ? [] : [only]), ...where.params) as (PlaceSums & {
          code: string;
        })[],
      );
      continue;
    }
    const where = filterSql(filter, 'rollup');
    const parts =
      piece.level === 'month'
        ? monthsByYear(piece.lo, piece.hi)
        : [{ sign: 1 as const, level: piece.level, lo: piece.lo, hi: piece.hi }];
    for (const part of parts)
      add(
        db
          .prepare(
            `SELECT code, sum(n) AS n, sum(positive) AS positive, sum(negative) AS negative FROM rollup_place_${part.level}
             WHERE bucket BETWEEN ? AND ? ${only === undefined ? '' : 'AND code = ?'} AND ${where.sql} GROUP BY code`,
          )
          .all(part.lo, part.hi, ...(only === undefined ? [] : [only]), ...where.params) as (PlaceSums & {
          code: string;
        })[],
        part.sign,
      );
  }
  // A year minus its other months can leave a municipality at zero: not placed there.
  for (const [code, sums] of out) if (sums.n === 0) out.delete(code);
  return out;
}

function totalOf(db: Db, fromMs: number, toMs: number, filter: TrendFilter): number {
  let total = 0;
  for (const groups of sumRange(db, 'month', fromMs, toMs, filter, null, ['n']).values())
    for (const sums of groups.values()) total += sums.n;
  return total;
}

const net = (s: PlaceSums | undefined): number | null => (s && s.n ? (s.positive - s.negative) / s.n : null);

/** Mentions and net sentiment per municipality of a region. `pending`: mentions the placer has not seen yet. */
export function mapPanel(db: Db, input: z.output<typeof MapInput>, pending: number): MapPanel {
  const fromMs = Date.parse(input.from);
  const toMs = Date.parse(input.to);
  axisOf(fromMs, toMs, 'month');
  const municipalities = regionMunicipalities(db, input.region, listMunicipalities);
  const sums = placeSums(db, fromMs, toMs, input.filter);
  let placed = 0;
  for (const s of sums.values()) placed += s.n;
  let compare: MapPanel['compare'] = null;
  if (input.compare) {
    const period = comparePeriod(fromMs, toMs, input.compare);
    const before = placeSums(db, period.fromMs, period.toMs, input.filter);
    compare = {
      mode: input.compare,
      from: new Date(period.fromMs).toISOString(),
      to: new Date(period.toMs).toISOString(),
      areas: municipalities.map((m) => ({
        code: m.code,
        count: before.get(m.code)?.n ?? 0,
        net: net(before.get(m.code)),
      })),
    };
  }
  return {
    region: input.region,
    areas: municipalities.map((m) => {
      const s = sums.get(m.code);
      return {
        code: m.code,
        name: m.name,
        count: s?.n ?? 0,
        positive: s?.positive ?? 0,
        negative: s?.negative ?? 0,
        net: net(s),
      };
    }),
    placed,
    unplaced: Math.max(0, totalOf(db, fromMs, toMs, input.filter) - placed),
    pending,
    compare,
  };
}

/** The boundaries of a region as a GeoJSON FeatureCollection (properties: code, name, province). */
export function regionBoundaries(db: Db, region: MapRegion) {
  const municipalities = regionMunicipalities(db, region, loadMunicipalities);
  const info = boundariesInfo(db)!;
  return {
    region,
    geojson: {
      type: 'FeatureCollection',
      features: municipalities.map((m) => ({
        type: 'Feature',
        id: m.code,
        properties: { code: m.code, name: m.name, province: m.province },
        geometry: m.geometry,
      })),
    },
    source: info.source,
    licence: info.licence,
  };
}
