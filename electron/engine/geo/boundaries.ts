import simplify from '@turf/simplify';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { WatchpostError } from '../../../shared/api/result';

/**
 * Reading municipality boundaries from a CBS/PDOK "gebiedsindelingen" file: GeoJSON or TopoJSON, in WGS84
 * or the Dutch RD New grid (EPSG:28992, PDOK's default, converted with proj4). Every feature needs a CBS
 * municipality code (GM0772; `statcode`, `gemeentecode`, `GM_CODE`…) and a name; parts with the same code
 * (a municipality drawn as land and water) are joined. The outlines are simplified to about 50 m, which is
 * plenty for a map of municipalities and keeps the answer to the renderer small. Anything the reader cannot
 * use is an `invalid_input` error that says what and where; nothing is stored then.
 */

/** One municipality ready to be stored. */
export interface Municipality {
  code: string;
  name: string;
  /** CBS province code (PV30 = Noord-Brabant), or null when the file does not say. */
  province: string | null;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
}

/** Degrees: about 50 m in the Netherlands. */
const SIMPLIFY_TOLERANCE = 0.0005;
/** 5 decimals of a degree is about a metre. */
const PRECISION = 1e5;
const MAX_PROBLEMS_LISTED = 5;

const CODE_KEYS = ['statcode', 'gemeentecode', 'gm_code', 'code', 'identificatie', 'gemeente_code'];
const NAME_KEYS = ['statnaam', 'gemeentenaam', 'gm_naam', 'naam', 'name', 'gemeente_naam'];
const PROVINCE_CODE_KEYS = ['provincie', 'provinciecode', 'pv_code', 'provincie_code'];
const PROVINCE_NAME_KEYS = ['provincienaam', 'pv_naam', 'provincie_naam'];

/** CBS province codes by name. */
const PROVINCES: Record<string, string> = {
  groningen: 'PV20',
  fryslan: 'PV21',
  friesland: 'PV21',
  drenthe: 'PV22',
  overijssel: 'PV23',
  flevoland: 'PV24',
  gelderland: 'PV25',
  utrecht: 'PV26',
  'noord-holland': 'PV27',
  'zuid-holland': 'PV28',
  zeeland: 'PV29',
  'noord-brabant': 'PV30',
  limburg: 'PV31',
};

/** The Dutch national grid, as PDOK delivers by default. */
const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

const invalid = (message: string): never => {
  throw new WatchpostError('invalid_input', message);
};

/** Parses a boundary file's text (`name` is used in messages) into municipalities, sorted by code. */
export function readBoundaries(text: string, name: string): Municipality[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    invalid(`${name} is not JSON (${err instanceof Error ? err.message : String(err)}): export GeoJSON or TopoJSON`);
  }
  const features = featuresOf(data, name);
  const problems: string[] = [];
  const byCode = new Map<string, { name: string; province: string | null; polygons: Position[][][] }>();
  features.forEach((f, index) => {
    const props = lowerKeys(f.properties);
    const where = `feature ${index + 1}`;
    if (String(props.water ?? '').toUpperCase() === 'JA') return;
    const code = codeOf(props);
    // GM9999 is CBS's "no municipality" (open water), not an area of the map.
    if (code === 'GM9999') return;
    if (!code) {
      problems.push(`${where} has no municipality code (a property such as statcode or gemeentecode with GM0772)`);
      return;
    }
    const label = textOf(props, NAME_KEYS);
    if (!label) {
      problems.push(`${where} (${code}) has no name (a property such as statnaam or gemeentenaam)`);
      return;
    }
    const geometry = f.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      problems.push(`${where} (${code} ${label}) is a ${geometry?.type ?? 'feature without geometry'}, not an area`);
      return;
    }
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const entry = byCode.get(code) ?? { name: label, province: provinceOf(props), polygons: [] };
    entry.polygons.push(...polygons);
    byCode.set(code, entry);
  });
  if (problems.length) {
    const listed = problems.slice(0, MAX_PROBLEMS_LISTED).join('; ');
    const more = problems.length > MAX_PROBLEMS_LISTED ? ` (and ${problems.length - MAX_PROBLEMS_LISTED} more)` : '';
    invalid(`${name}: ${problems.length} of ${features.length} features cannot be used: ${listed}${more}`);
  }
  if (byCode.size === 0) invalid(`${name} holds no municipalities`);
  const project = projectionOf(
    [...byCode.values()].flatMap((m) => m.polygons),
    name,
  );
  return [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, m]) => ({
      code,
      m,
      polygons: m.polygons.flatMap((polygon) => cleanPolygon(polygon.map((ring) => ring.map(project)))),
    }))
    .filter(({ polygons }) => polygons.length > 0)
    .map(({ code, m, polygons }) => {
      const raw: Feature<Polygon | MultiPolygon> = {
        type: 'Feature',
        properties: {},
        geometry:
          polygons.length === 1
            ? { type: 'Polygon', coordinates: polygons[0]! }
            : { type: 'MultiPolygon', coordinates: polygons },
      };
      const geometry = simplify(raw, { tolerance: SIMPLIFY_TOLERANCE, mutate: true }).geometry;
      return { code, name: m.name, province: m.province, geometry, bbox: bboxOf(polygons) };
    });
}

function featuresOf(data: unknown, name: string): Feature[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return invalid(`${name} is not a GeoJSON FeatureCollection or a TopoJSON Topology`);
  const type = (data as { type?: unknown }).type;
  if (type === 'FeatureCollection') {
    const features = (data as FeatureCollection).features;
    if (!Array.isArray(features)) return invalid(`${name}: the FeatureCollection has no features list`);
    return features.filter((f): f is Feature => typeof f === 'object' && f !== null);
  }
  if (type === 'Topology') {
    const topology = data as Topology;
    const objects = Object.entries(topology.objects ?? {}).filter(([, o]) => o.type === 'GeometryCollection') as [
      string,
      GeometryCollection,
    ][];
    // The layer of municipalities: the one whose geometries carry GM codes (a file may also hold provinces).
    const layer = objects.find(([, o]) => o.geometries.some((g) => codeOf(lowerKeys(g.properties ?? null))));
    if (!layer)
      return invalid(
        `${name}: none of the TopoJSON layers (${objects.map(([k]) => k).join(', ') || 'none'}) holds municipalities with GM codes`,
      );
    if (!Array.isArray(topology.arcs)) return invalid(`${name}: the TopoJSON has no arcs`);
    try {
      return (topoFeature(topology, layer[1]) as FeatureCollection).features;
    } catch (err) {
      return invalid(
        `${name}: the TopoJSON layer ${layer[0]} cannot be read (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  return invalid(
    `${name} is ${typeof type === 'string' ? `a GeoJSON ${type}` : 'JSON without a "type"'}, not a FeatureCollection of municipalities or a TopoJSON Topology`,
  );
}

function lowerKeys(props: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props ?? {})) out[key.toLowerCase()] = value;
  return out;
}

function textOf(props: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const value = props[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

/** GM0772 from `GM0772`, `0772` or 772 under any of the code keys. */
function codeOf(props: Record<string, unknown>): string | null {
  for (const key of CODE_KEYS) {
    const value = props[key];
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    const match = /^(?:GM)?(\d{1,4})$/i.exec(text);
    if (match) return `GM${match[1]!.padStart(4, '0')}`;
  }
  return null;
}

function provinceOf(props: Record<string, unknown>): string | null {
  const code = textOf(props, PROVINCE_CODE_KEYS);
  if (code && /^PV\d{2}$/i.test(code)) return code.toUpperCase();
  const label = textOf(props, [...PROVINCE_NAME_KEYS, ...PROVINCE_CODE_KEYS]);
  if (!label) return null;
  return PROVINCES[label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()] ?? null;
}

/** WGS84 as it is, RD New converted; anything else (or outside the Netherlands) is refused. */
function projectionOf(polygons: Position[][][], name: string): (p: Position) => Position {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (const point of ring) {
        const [x, y] = point;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
          return invalid(`${name}: a coordinate is not a pair of numbers (${JSON.stringify(point)})`);
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
  const round = (v: number) => Math.round(v * PRECISION) / PRECISION;
  if (minX >= 2.5 && maxX <= 8 && minY >= 50 && maxY <= 54) return (p) => [round(p[0]!), round(p[1]!)];
  if (minX >= -10_000 && maxX <= 300_000 && minY >= 280_000 && maxY <= 650_000) {
    const rd = proj4(RD_NEW, 'WGS84');
    return (p) => {
      const [lon, lat] = rd.forward([p[0]!, p[1]!]);
      return [round(lon!), round(lat!)];
    };
  }
  return invalid(
    `${name}: the coordinates (x ${minX}…${maxX}, y ${minY}…${maxY}) are neither longitude/latitude (WGS84) nor the Dutch RD grid (EPSG:28992) of the Netherlands`,
  );
}

/** A polygon without repeated points, or none when its outline is too small to be an area (after rounding). */
function cleanPolygon(rings: Position[][]): Position[][][] {
  const cleaned = rings.map((ring) => {
    const out = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
    const first = out[0];
    const last = out.at(-1);
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push(first);
    return out;
  });
  if ((cleaned[0]?.length ?? 0) < 4) return [];
  return [cleaned.filter((ring) => ring.length >= 4)];
}

function bboxOf(polygons: Position[][][]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons)
    for (const point of polygon[0] ?? []) {
      box[0] = Math.min(box[0], point[0]!);
      box[1] = Math.min(box[1], point[1]!);
      box[2] = Math.max(box[2], point[0]!);
      box[3] = Math.max(box[3], point[1]!);
    }
  return box;
}
