import type { MultiPolygon, Polygon } from 'geojson';
import type { BoundariesInfo } from '../../../shared/api/trends';
import { getMeta, setMeta } from '../mentions/write';
import type { Db } from '../store/db';
import type { Municipality } from './boundaries';

/** Imported municipality boundaries in the workspace (table geo_municipalities of migration 7). */

const INFO_KEY = 'geo_boundaries';

/** A stored municipality as the map and the gazetteer use it. */
export interface StoredMunicipality {
  code: string;
  name: string;
  province: string | null;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
}

/** Replaces the stored boundaries (call inside a transaction). */
export function saveBoundaries(db: Db, municipalities: Municipality[], info: BoundariesInfo): void {
  db.prepare('DELETE FROM geo_municipalities').run();
  const insert = db.prepare(
    `INSERT INTO geo_municipalities (code, name, province, geometry, min_lon, min_lat, max_lon, max_lat)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of municipalities) insert.run(m.code, m.name, m.province, JSON.stringify(m.geometry), ...m.bbox);
  setMeta(db, INFO_KEY, JSON.stringify(info));
}

/** What is imported, or null. */
export function boundariesInfo(db: Db): BoundariesInfo | null {
  const saved = getMeta(db, INFO_KEY);
  return saved === null ? null : (JSON.parse(saved) as BoundariesInfo);
}

/** Every stored municipality, by code. */
export function loadMunicipalities(db: Db): StoredMunicipality[] {
  const rows = db
    .prepare(
      'SELECT code, name, province, geometry, min_lon, min_lat, max_lon, max_lat FROM geo_municipalities ORDER BY code',
    )
    .all() as {
    code: string;
    name: string;
    province: string | null;
    geometry: string;
    min_lon: number;
    min_lat: number;
    max_lon: number;
    max_lat: number;
  }[];
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    province: r.province,
    geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
    bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
  }));
}

/** Code, name and province of every stored municipality (no outlines), by code. */
export function listMunicipalities(db: Db): Pick<StoredMunicipality, 'code' | 'name' | 'province'>[] {
  return db.prepare('SELECT code, name, province FROM geo_municipalities ORDER BY code').all() as Pick<
    StoredMunicipality,
    'code' | 'name' | 'province'
  >[];
}

/** A version stamp of the stored boundaries (changes with every import), for caches. */
export function boundariesVersion(db: Db): string | null {
  return boundariesInfo(db)?.importedAt ?? null;
}
