import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { AMBIGUOUS_PLACE_NAMES, PLACE_ALIASES } from './aliases';
import type { DutchPlace } from './places';
import type { StoredMunicipality } from './store';

/**
 * Places a mention in a municipality. Names come from three sources: the imported municipalities' own names
 * (which win), Dutch places from GeoNames and hand-kept aliases (neighbourhoods, streets, nicknames), the
 * latter two mapped to a municipality by point-in-polygon against the imported boundaries. A name that two
 * places of different municipalities share (and no municipality owns) is left out rather than guessed.
 *
 * A mention is placed by, in this order: its geotag (coordinates, or a place string), the first place
 * named in its text, its author's location. In running text a name counts only when written with a capital
 * or as a #hashtag, and a name that is also an everyday word (AMBIGUOUS_PLACE_NAMES) only after a
 * preposition ("in Best") or as a hashtag; in a location field any listed name counts.
 */

interface NameEntry {
  code: string;
  ambiguous: boolean;
}

/** What a mention offers to be placed by. */
export interface PlaceClues {
  geo: string | null;
  text: string;
  location: string | null;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\t\n\r\x20-\x7e]*$/;
const PREPOSITIONS = new Set([
  'in',
  'uit',
  'naar',
  'te',
  'bij',
  'rond',
  'rondom',
  'van',
  'richting',
  'gemeente',
  'near',
  'from',
  'to',
  'at',
  'around',
  'visiting',
]);

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A name as a sequence of folded tokens joined by spaces ("'s-Hertogenbosch" → "s hertogenbosch"). */
export function nameKey(name: string): string {
  return (fold(name).match(TOKEN) ?? []).join(' ');
}

/** "Bergen (NH.)" → "Bergen": CBS adds the province to names that occur twice. */
const bareName = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, '');

export class Gazetteer {
  private readonly names = new Map<string, NameEntry>();
  /** Longest name (in tokens) per first token, so a text is scanned with one lookup per token. */
  private readonly firstTokens = new Map<string, number>();
  private readonly locationCache = new Map<string, string | null>();

  constructor(
    private readonly municipalities: readonly StoredMunicipality[],
    places: readonly DutchPlace[],
  ) {
    const owned = new Set<string>();
    const conflicting = new Set<string>();
    for (const m of municipalities) {
      for (const name of new Set([m.name, bareName(m.name)])) {
        const key = nameKey(name);
        if (!key) continue;
        const existing = this.names.get(key);
        if (existing && existing.code !== m.code) conflicting.add(key);
        this.names.set(key, { code: m.code, ambiguous: AMBIGUOUS_PLACE_NAMES.has(key) });
        owned.add(key);
      }
    }
    const pointed = [...PLACE_ALIASES, ...places];
    for (const place of pointed) {
      const key = nameKey(place.name);
      if (!key || key.length < 3 || owned.has(key)) continue;
      const code = this.locate(place.lon, place.lat);
      if (!code) continue;
      const existing = this.names.get(key);
      if (existing && existing.code !== code) conflicting.add(key);
      else this.names.set(key, { code, ambiguous: AMBIGUOUS_PLACE_NAMES.has(key) });
    }
    for (const key of conflicting) this.names.delete(key);
    for (const key of this.names.keys()) {
      const tokens = key.split(' ');
      this.firstTokens.set(tokens[0]!, Math.max(this.firstTokens.get(tokens[0]!) ?? 0, tokens.length));
    }
  }

  /** How many names it knows. */
  get size(): number {
    return this.names.size;
  }

  /** The municipality a point (WGS84) lies in, or null. */
  locate(lon: number, lat: number): string | null {
    for (const m of this.municipalities) {
      const [minLon, minLat, maxLon, maxLat] = m.bbox;
      if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) continue;
      if (booleanPointInPolygon([lon, lat], m.geometry)) return m.code;
    }
    return null;
  }

  /** The municipality of a mention, or null when nothing places it. */
  placeOf(clues: PlaceClues): string | null {
    if (clues.geo) {
      const code = this.placeGeo(clues.geo);
      if (code) return code;
    }
    const named = this.find(clues.text, true);
    if (named) return named;
    return clues.location ? this.placeLocation(clues.location) : null;
  }

  /** A geotag: "lat,lon" (or "lon,lat" when that is what lies in the Netherlands) or a place string. */
  private placeGeo(geo: string): string | null {
    const match = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(geo);
    if (!match) return this.placeLocation(geo);
    const a = Number(match[1]);
    const b = Number(match[2]);
    return this.locate(b, a) ?? this.locate(a, b);
  }

  /** A free-text location ("Eindhoven, Nederland"), cached: many mentions share their author's. */
  private placeLocation(location: string): string | null {
    let code = this.locationCache.get(location);
    if (code === undefined) {
      code = this.find(location, false);
      if (this.locationCache.size > 50_000) this.locationCache.clear();
      this.locationCache.set(location, code);
    }
    return code;
  }

  /** The first known name in a text; `strict` for running text (capitals, prepositions; see above). */
  find(text: string, strict: boolean): string | null {
    const tokens: { raw: string; key: string; at: number }[] = [];
    // Folding (NFD) is the slow part: plain ASCII text only needs lower case.
    const plain = ASCII.test(text);
    for (const match of text.matchAll(TOKEN))
      tokens.push({ raw: match[0], key: plain ? match[0].toLowerCase() : fold(match[0]), at: match.index });
    for (let i = 0; i < tokens.length; i++) {
      const longest = this.firstTokens.get(tokens[i]!.key);
      if (!longest) continue;
      for (let length = Math.min(longest, tokens.length - i); length >= 1; length--) {
        const parts = tokens.slice(i, i + length);
        const entry = this.names.get(parts.map((t) => t.key).join(' '));
        if (!entry) continue;
        if (strict && !this.counts(text, tokens, i, parts, entry)) continue;
        return entry.code;
      }
    }
    return null;
  }

  private counts(
    text: string,
    tokens: { raw: string; key: string; at: number }[],
    i: number,
    parts: { raw: string }[],
    entry: NameEntry,
  ): boolean {
    const hashtag = text[tokens[i]!.at - 1] === '#';
    if (hashtag) return true;
    if (!parts.some((t) => /^\p{Lu}/u.test(t.raw))) return false;
    return !entry.ambiguous || PREPOSITIONS.has(tokens[i - 1]?.key ?? '');
  }
}
