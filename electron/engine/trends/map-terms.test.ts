import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DrillInput,
  MapInput,
  TermsInput,
  VolumeInput,
  type MapPanel,
  type TermsPanel,
} from '../../../shared/api/trends';
import { Engine } from '../engine';
import { readBoundaries } from '../geo/boundaries';
import { Gazetteer } from '../geo/gazetteer';
import { importBoundaryFile } from '../geo/import';
import { dutchPlaces } from '../geo/places';
import { openMemoryWorkspace, type Db } from '../store/db';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { deleteAnnotation, listAnnotations, saveAnnotation } from './annotations';
import { TrendIndexer } from './indexer';
import { mapPanel } from './map';
import { volumePanel } from './panels';
import { verifyRollups } from './rollups';
import { importSignal } from './signals';
import { drill, termsPanel } from './terms';
import { termsOf } from './tokens';

/** Brute-force checks of the term rollup, the map and the drill against the raw mentions. */

const BOUNDARIES = '../shared/reference/geo-nl/derived_gemeenten_2015.geojson';
const START = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 2 * 365 * 86_400_000;
const WORDS = ['lantaarnpaal', 'glasvezel', 'parkeren', 'fietspad', 'kermis', 'afval', 'geluid', 'bomen', 'straat'];
const TAGS = ['#eindhoven', '#dommelstad', '#Glasvezel', '#café'];
const PLACES = ['in Eindhoven', 'op Stratumseind', 'in Den Bosch', 'in Best', 'Tilburg', 'best wel', ''];
const GEOS = [null, null, null, '51.5606,5.0919', 'Breda', '48.85,2.35'];
const LOCATIONS = [null, 'Helmond', 'Oss, NL', 'Amsterdam', 'ergens'];

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fillTexts(db: Db, count: number, seed: number, offset = 0): void {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  storeMentions(
    db,
    Array.from({ length: count }, (_, i) => {
      const { sourceId, ...m } = sampleMention({
        externalId: `t${offset + i}`,
        channel: pick(['x', 'facebook', 'instagram'] as const),
        lang: pick(['nl', 'en'] as const),
        createdAt: START + Math.floor(rnd() * SPAN),
        text: `De ${pick(WORDS)} en het ${pick(WORDS)} ${pick(PLACES)} ${rnd() < 0.4 ? pick(TAGS) : ''} kapot`,
        geo: pick(GEOS),
        author: { handle: `a${i % 50}`, displayName: null, followers: 1, location: pick(LOCATIONS) },
        sentiment: { label: pick(['positive', 'neutral', 'negative'] as const), score: 0 },
      });
      void sourceId;
      return m;
    }),
  );
}

interface Raw {
  id: number;
  created_at: number;
  text: string;
  channel: string;
  sentiment: string | null;
  geo: string | null;
  location: string | null;
  place_code: string | null;
}
const rawRows = (db: Db) =>
  db
    .prepare(
      `SELECT m.id, m.created_at, m.text, m.channel, m.sentiment, m.geo, a.location, m.place_code
       FROM mentions m LEFT JOIN authors a ON a.id = m.author_id`,
    )
    .all() as Raw[];

function bruteTerms(rows: Raw[], from: number, to: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows)
    if (r.created_at >= from && r.created_at < to)
      for (const t of termsOf(r.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

describe('term rollup, map and drill', () => {
  const db = openMemoryWorkspace();
  fillTexts(db, 3000, 7);
  importBoundaryFile(db, { file: BOUNDARIES, source: 'CBS 2015', licence: 'CC BY 4.0', operator: 'test' });
  const indexer = new TrendIndexer(db);
  expect(indexer.pendingTerms()).toBe(3000);
  indexer.catchUp();
  const ranges: [string, string][] = [
    ['2024-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    ['2024-03-05T13:17:00Z', '2025-02-02T08:05:00Z'],
    ['2025-03-29T10:30:00Z', '2025-04-03T00:00:00+02:00'],
  ];

  const checkTerms = (from: string, to: string) => {
    const panel = termsPanel(db, TermsInput.parse({ from, to, limit: 100 }), indexer.pendingTerms());
    const rows = rawRows(db);
    const now = bruteTerms(rows, Date.parse(from), Date.parse(to));
    const before = bruteTerms(rows, Date.parse(panel.previousFrom), Date.parse(panel.previousTo));
    expect(panel.sampled).toBe(false);
    expect(panel.pending).toBe(0);
    const listed = [...panel.rising, ...panel.falling];
    expect(listed.length).toBeGreaterThan(0);
    for (const c of listed) {
      expect([c.term, c.count, c.previous]).toEqual([c.term, now.get(c.term) ?? 0, before.get(c.term) ?? 0]);
    }
    const expectedTop = [...new Set([...now.keys(), ...before.keys()])]
      .map((t) => ({ t, d: (now.get(t) ?? 0) - (before.get(t) ?? 0), n: (now.get(t) ?? 0) + (before.get(t) ?? 0) }))
      .filter((x) => x.d > 0 && x.n >= 3)
      .sort((a, b) => b.d - a.d || a.t.localeCompare(b.t))
      .slice(0, 100)
      .map((x) => x.t);
    expect(panel.rising.map((c) => c.term)).toEqual(expectedTop);
  };

  it.each(ranges)('rising terms from %s to %s equal counts of the raw texts', checkTerms);

  it('places every mention as the gazetteer does, and the map equals a count of the placed mentions', () => {
    const gazetteer = new Gazetteer(readBoundaries(readFileSync(BOUNDARIES, 'utf8'), 'g'), dutchPlaces());
    const rows = rawRows(db);
    for (const r of rows)
      expect(r.place_code).toBe(gazetteer.placeOf({ geo: r.geo, text: r.text, location: r.location }));
    expect(rows.filter((r) => r.place_code).length).toBeGreaterThan(1000);
    for (const [from, to] of ranges) {
      for (const region of ['brabant', 'nl'] as const) {
        const panel = mapPanel(db, MapInput.parse({ from, to, region, filter: { channel: ['x', 'facebook'] } }), 0);
        const inRange = rows.filter(
          (r) => r.created_at >= Date.parse(from) && r.created_at < Date.parse(to) && r.channel !== 'instagram',
        );
        for (const area of panel.areas) {
          const here = inRange.filter((r) => r.place_code === area.code);
          const pos = here.filter((r) => r.sentiment === 'positive').length;
          const neg = here.filter((r) => r.sentiment === 'negative').length;
          expect([area.code, area.count, area.positive, area.negative]).toEqual([area.code, here.length, pos, neg]);
          expect(area.net).toEqual(here.length ? (pos - neg) / here.length : null);
        }
        expect(panel.placed).toBe(inRange.filter((r) => r.place_code).length);
        expect(panel.unplaced).toBe(inRange.filter((r) => !r.place_code).length);
        expect(panel.areas.length).toBe(region === 'brabant' ? 66 : 393);
      }
    }
  });

  it('the drill finds exactly the mentions behind a word, a hashtag and a municipality', () => {
    const [from, to] = ranges[1]!;
    const rows = rawRows(db).filter((r) => r.created_at >= Date.parse(from) && r.created_at < Date.parse(to));
    for (const term of ['glasvezel', '#glasvezel', '#cafe', 'Fietspad']) {
      const result = drill(db, DrillInput.parse({ from, to, term, limit: 500 }));
      const expected = rows.filter((r) => termsOf(r.text).has(term.toLowerCase()));
      expect(result.total).toBe(expected.length);
      expect(result.rows.length).toBe(Math.min(500, expected.length));
      expect(result.rows.every((r) => termsOf(r.text).has(term.toLowerCase()))).toBe(true);
    }
    const eindhoven = drill(db, DrillInput.parse({ from, to, municipality: 'GM0772', limit: 10, offset: 5 }));
    expect(eindhoven.total).toBe(rows.filter((r) => r.place_code === 'GM0772').length);
    expect(eindhoven.rows.map((r) => r.id)).toEqual(
      rows
        .filter((r) => r.place_code === 'GM0772')
        .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
        .slice(5, 15)
        .map((r) => r.id),
    );
  });

  it('follows deletions, re-written texts and new mentions; the rollups stay verifiable', () => {
    db.prepare('DELETE FROM mentions WHERE id % 9 = 0').run();
    db.prepare(`UPDATE mentions SET text = 'Nieuwe tekst over snoeien in Tilburg #snoei' WHERE id % 10 = 0`).run();
    db.prepare(`UPDATE mentions SET sentiment_override = 'negative' WHERE id % 4 = 0`).run();
    fillTexts(db, 500, 8, 10_000);
    expect(indexer.pendingTerms()).toBe(500);
    indexer.catchUp();
    for (const [from, to] of ranges) checkTerms(from, to);
    expect(verifyRollups(db).differences).toEqual([]);
  });

  it('the drill pages a common term by walking the time index and a rare one by sorting, with the same rows', () => {
    const [from, to] = ranges[0]!;
    const rows = rawRows(db)
      .filter((r) => r.created_at >= Date.parse(from) && r.created_at < Date.parse(to))
      .sort((a, b) => b.created_at - a.created_at || b.id - a.id);
    for (const term of ['straat', '#dommelstad', 'tilburg', '#snoei']) {
      const expected = rows.filter((r) => termsOf(r.text).has(term));
      expect(expected.length).toBeGreaterThan(0);
      for (const [offset, limit] of [
        [0, 5],
        [3, 20],
        [0, 500],
      ] as const) {
        for (const ready of [false, true]) {
          const result = drill(db, DrillInput.parse({ from, to, term, offset, limit }), ready);
          expect(result.total).toBe(expected.length);
          expect(result.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit).map((r) => r.id));
        }
      }
      const onX = expected.filter((r) => r.channel === 'x');
      for (const ready of [false, true]) {
        const input = DrillInput.parse({ from, to, term, limit: 7, filter: { channel: ['x'] } });
        const x = drill(db, input, ready);
        expect([x.total, x.capped, x.rows.map((r) => r.id)]).toEqual([
          onX.length,
          undefined,
          onX.slice(0, 7).map((r) => r.id),
        ]);
        // Counting capped: at most `cap`, said so, and the page is still the newest mentions.
        const cap = drill(db, input, ready, { exact: 5, scan: 100_000, cap: 8 });
        expect([cap.total, cap.capped, cap.rows.map((r) => r.id)]).toEqual(
          onX.length > 8
            ? [8, true, onX.slice(0, 7).map((r) => r.id)]
            : [onX.length, undefined, onX.slice(0, 7).map((r) => r.id)],
        );
        // Reading only the newest 20 matches: a lower bound, said so; a walk that long is not allowed here
        // (exact: 5), so the page comes from those matches, newest first.
        const scanned = drill(db, input, ready, { exact: 5, scan: 20, cap: 1000 });
        expect(scanned.capped).toBe(true);
        expect(scanned.total).toBeLessThanOrEqual(Math.min(20, onX.length));
        const order = onX.map((r) => r.id);
        const positions = scanned.rows.map((r) => order.indexOf(r.id));
        expect(positions).not.toContain(-1);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(scanned.rows.length).toBe(Math.min(7, scanned.total));
      }
    }
  });

  it('verifies the term rollup: queued retractions are allowed for, a wrong count is listed', () => {
    const pendingBefore = db.prepare('SELECT count(*) FROM term_retractions').pluck().get() as number;
    db.prepare('DELETE FROM mentions WHERE id % 13 = 0').run();
    db.prepare(`UPDATE mentions SET text = 'Herschreven: de kermis in Oss #kermis' WHERE id % 17 = 0`).run();
    db.prepare(`UPDATE mentions SET created_at = created_at - 400 * 86400000 WHERE id % 19 = 0`).run();
    expect(db.prepare('SELECT count(*) FROM term_retractions').pluck().get()).toBeGreaterThan(pendingBefore);
    fillTexts(db, 20, 12, 20_000);
    const queued = verifyRollups(db);
    expect(queued.differences).toEqual([]);
    expect(queued.termsPending).toBe(20);
    indexer.catchUp();
    expect(verifyRollups(db).ok).toBe(true);
    db.prepare(
      `UPDATE term_year SET n = n + 1 WHERE term_id = (SELECT id FROM trend_terms WHERE term = 'kermis') AND bucket = 2025`,
    ).run();
    db.prepare(
      `DELETE FROM term_day WHERE (bucket, term_id) = (SELECT bucket, term_id FROM term_day WHERE n > 0 LIMIT 1)`,
    ).run();
    db.prepare(
      `UPDATE term_id_bounds SET min_id = max_id + 1 WHERE month = (SELECT max(month) FROM term_id_bounds)`,
    ).run();
    const broken = verifyRollups(db);
    expect(broken.ok).toBe(false);
    expect([...new Set(broken.differences.map((d) => d.table))].sort()).toEqual([
      'term_day',
      'term_id_bounds',
      'term_year',
    ]);
    expect(broken.differences.find((d) => d.table === 'term_year')).toMatchObject({ key: '2025|kermis', column: 'n' });
    expect(broken.differences.find((d) => d.table === 'term_year')!.stored).toBe(
      broken.differences.find((d) => d.table === 'term_year')!.expected + 1,
    );
    indexer.resetTerms();
    indexer.catchUp();
    expect(verifyRollups(db).ok).toBe(true);
  });

  it('with a filter over a large period, terms come from a time-stratified sample weighted up', () => {
    const [from, to] = ranges[0]!;
    const filter = { channel: ['x', 'facebook'] as ('x' | 'facebook')[] };
    const input = TermsInput.parse({ from, to, filter, kind: 'word', limit: 5 });
    const panel = termsPanel(db, input, 0, { exact: 300, sample: 600 });
    expect(panel.sampled).toBe(true);
    const rows = rawRows(db).filter((r) => r.channel !== 'instagram');
    const now = bruteTerms(rows, Date.parse(from), Date.parse(to));
    const top = [...now].filter(([t]) => !t.startsWith('#')).sort((a, b) => b[1] - a[1]);
    expect(panel.rising.length).toBe(5);
    for (const c of panel.rising) expect(Math.abs(c.count - now.get(c.term)!) / now.get(c.term)!).toBeLessThan(0.3);
    expect(top.slice(0, 8).map(([t]) => t)).toContain(panel.rising[0]!.term);
  });

  it('with a filter, terms are counted from the raw mentions, exactly for small periods', () => {
    const [from, to] = ranges[0]!;
    const panel = termsPanel(db, TermsInput.parse({ from, to, filter: { channel: ['x'] }, kind: 'hashtag' }), 0);
    const rows = rawRows(db).filter((r) => r.channel === 'x');
    const now = bruteTerms(rows, Date.parse(from), Date.parse(to));
    expect(panel.sampled).toBe(false);
    for (const c of panel.rising) {
      expect(c.kind).toBe('hashtag');
      expect(c.count).toBe(now.get(c.term));
    }
  });
});

describe('map without boundaries, annotations and signals', () => {
  it('the map is unavailable and says what to import', () => {
    const db = openMemoryWorkspace();
    expect(() => mapPanel(db, MapInput.parse({ from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }), 0)).toThrow(
      /import a CBS\/PDOK file of gemeenten/,
    );
  });

  it('annotations in range appear on time panels; a signal overlays with its correlation', () => {
    const db = openMemoryWorkspace();
    fillTexts(db, 400, 9);
    const a = saveAnnotation(db, { at: '2024-06-01T10:00:00Z', endAt: null, label: 'Campagne', operator: 'Anna' });
    saveAnnotation(db, { at: '2023-01-01T10:00:00Z', endAt: null, label: 'Te vroeg', operator: 'Anna' });
    const range = { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z', granularity: 'month' as const };
    const panel = volumePanel(db, VolumeInput.parse({ ...range, stackBy: 'none' }));
    expect(panel.annotations.map((x) => x.label)).toEqual(['Campagne']);
    deleteAnnotation(db, a.id, 'Anna');
    expect(listAnnotations(db).map((x) => x.label)).toEqual(['Te vroeg']);
    const csv = ['datum,waarde', ...panel.buckets.map((b, i) => `${b.start},${panel.total[i]! * 2 + 1}`)].join('\n');
    const { signal } = importSignal(db, { name: 'Voetgangers', csv, operator: 'Anna' });
    const withSignal = volumePanel(db, VolumeInput.parse({ ...range, stackBy: 'none', signalId: signal.id }));
    expect(withSignal.signal?.values).toEqual(panel.total.map((n) => n * 2 + 1));
    expect(withSignal.signal?.correlation).toBeCloseTo(1, 10);
  });
});

describe('the map through the engine', () => {
  it('is unavailable until boundaries are imported, then answers in the contract with a placing job', async () => {
    const engine = Engine.open({ dataDir: ':memory:', log: () => {} });
    fillTexts(engine.db, 200, 10);
    const range = { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };
    const before = await engine.dispatch('trends.map', range);
    expect(before.ok ? null : before.error.code).toBe('unavailable');
    expect((await engine.dispatch('trends.boundariesInfo', {})).ok).toBe(true);
    const bad = await engine.dispatch('trends.importBoundaries', { operator: 'Anna' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    const imported = await engine.dispatch('trends.importBoundaries', { file: BOUNDARIES, operator: 'Anna' });
    if (!imported.ok) throw new Error(imported.error.message);
    expect((imported.value as { info: unknown }).info).toMatchObject({
      municipalities: 393,
      brabant: 66,
      operator: 'Anna',
    });
    while (engine.jobs.list().some((j) => j.state === 'running')) await new Promise((r) => setTimeout(r, 20));
    const map = await engine.dispatch('trends.map', range);
    if (!map.ok) throw new Error(map.error.message);
    const panel = map.value as MapPanel;
    expect(panel.pending).toBe(0);
    expect(panel.placed).toBeGreaterThan(50);
    const shapes = await engine.dispatch('trends.boundaries', { region: 'brabant' });
    if (!shapes.ok) throw new Error(shapes.error.message);
    expect(((shapes.value as { geojson: unknown }).geojson as { features: unknown[] }).features).toHaveLength(66);
    const terms = await engine.dispatch('trends.terms', range);
    expect(terms.ok && (terms.value as TermsPanel).pending).toBe(0);
    await engine.close();
  });
});
