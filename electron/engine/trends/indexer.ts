import type { Statement } from 'better-sqlite3';
import type { JobInfo } from '../../../shared/api/events';
import { bucketOf } from '../../../shared/trends/time';
import { Gazetteer } from '../geo/gazetteer';
import { dutchPlaces } from '../geo/places';
import { boundariesVersion, loadMunicipalities } from '../geo/store';
import type { JobControl, JobRunner } from '../jobs/runner';
import { getMeta, setMeta } from '../mentions/write';
import type { Db } from '../store/db';
import { termsOf } from './tokens';

/**
 * The trend work that needs code rather than SQL, done after mentions are stored: counting their terms
 * into term_day/term_month, and placing them in a municipality (mentions.place_code, which the place
 * rollups follow by trigger). Two cursors in workspace_meta say how far each got (mention ids only grow).
 *
 * A batch from the ingest pipeline is indexed in its own transaction when nothing is behind (no lag); a
 * bulk fill (the demo, a large import) leaves a backlog that a job works off in chunks right after it
 * (lag: measured by bench/trends.ts, about a minute per million mentions on the 2-core machine). Deleted
 * and re-written mentions reach the indexer through term_retractions (filled by triggers of migration 7).
 * Importing boundaries resets the placing cursor, so the job places every mention again.
 */

const TERMS_CURSOR = 'terms_indexed_through';
const PLACES_CURSOR = 'places_indexed_through';
/** Mentions per transaction in the catch-up job: about 50–100 ms each on the 2-core machine. */
const CHUNK = 2_000;

interface Row {
  id: number;
  created_at: number;
  text: string;
  geo: string | null;
  place_code: string | null;
  location: string | null;
}

/** The term rollup's levels and the bucket of a time at each (a year bucket is the local year). */
export const TERM_LEVELS = {
  day: (ms: number) => bucketOf('day', ms),
  month: (ms: number) => bucketOf('month', ms),
  year: (ms: number) => Math.floor(bucketOf('month', ms) / 12),
} as const;
export type TermLevel = keyof typeof TERM_LEVELS;

/** Term counts of a chunk, summed before they are written, and the id bounds of the months it touched. */
class TermCounts {
  private readonly day = new Map<string, number>();
  private readonly month = new Map<string, number>();
  private readonly year = new Map<string, number>();
  private readonly bounds = new Map<number, [number, number]>();

  /** Mention `id` is (now) counted in the month of `createdAt`. */
  seen(id: number, createdAt: number): void {
    const month = TERM_LEVELS.month(createdAt);
    const b = this.bounds.get(month);
    if (!b) this.bounds.set(month, [id, id]);
    else {
      if (id < b[0]) b[0] = id;
      if (id > b[1]) b[1] = id;
    }
  }

  add(createdAt: number, terms: Iterable<string>, sign: 1 | -1): void {
    const day = TERM_LEVELS.day(createdAt);
    const month = TERM_LEVELS.month(createdAt);
    const year = Math.floor(month / 12);
    for (const term of terms) {
      this.day.set(`${day}\t${term}`, (this.day.get(`${day}\t${term}`) ?? 0) + sign);
      this.month.set(`${month}\t${term}`, (this.month.get(`${month}\t${term}`) ?? 0) + sign);
      this.year.set(`${year}\t${term}`, (this.year.get(`${year}\t${term}`) ?? 0) + sign);
    }
  }

  write(db: Db, idOf: (term: string) => number): void {
    const widen = db.prepare(
      `INSERT INTO term_id_bounds (month, min_id, max_id) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET min_id = min(min_id, excluded.min_id), max_id = max(max_id, excluded.max_id)`,
    );
    for (const [month, [lo, hi]] of this.bounds) widen.run(month, lo, hi);
    for (const [table, counts] of [
      ['term_day', this.day],
      ['term_month', this.month],
      ['term_year', this.year],
    ] as const) {
      const upsert = db.prepare(
        `INSERT INTO ${table} (bucket, term_id, n) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`,
      );
      for (const [key, n] of counts) {
        if (n === 0) continue;
        const tab = key.indexOf('\t');
        upsert.run(Number(key.slice(0, tab)), idOf(key.slice(tab + 1)), n);
      }
    }
  }
}

export class TrendIndexer {
  private gazetteer: { version: string; gazetteer: Gazetteer } | null = null;
  private running: JobInfo | null = null;
  private again = false;
  private readonly rowsAfter: Statement<[number, number, number]>;
  private readonly newestId: Statement<[], number>;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobRunner | null = null,
  ) {
    this.rowsAfter = db.prepare(
      `SELECT m.id, m.created_at, m.text, m.geo, m.place_code, a.location FROM mentions m
       LEFT JOIN authors a ON a.id = m.author_id WHERE m.id > ? AND m.id <= ? ORDER BY m.id LIMIT ?`,
    );
    this.newestId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck();
  }

  private cursor(key: string): number {
    return Number(getMeta(this.db, key) ?? 0);
  }

  /** Mentions whose terms are not counted yet. */
  pendingTerms(): number {
    return this.countAfter(this.cursor(TERMS_CURSOR));
  }

  /** Mentions not yet looked at for a place (0 without boundaries: nothing can be placed then). */
  pendingPlaces(): number {
    return this.gazetteerNow() ? this.countAfter(this.cursor(PLACES_CURSOR)) : 0;
  }

  private countAfter(id: number): number {
    return this.db.prepare('SELECT count(*) FROM mentions WHERE id > ?').pluck().get(id) as number;
  }

  /** The gazetteer of the current boundaries, or null when none are imported. */
  gazetteerNow(): Gazetteer | null {
    const version = boundariesVersion(this.db);
    if (version === null) return null;
    if (this.gazetteer?.version !== version) {
      this.gazetteer = { version, gazetteer: new Gazetteer(loadMunicipalities(this.db), dutchPlaces()) };
    }
    return this.gazetteer.gazetteer;
  }

  /** Pipeline hook (inside the batch's transaction): indexes the batch at once when nothing is behind. */
  onStored(added: { afterId: number; upToId: number }): void {
    const termsBehind = this.cursor(TERMS_CURSOR) < added.afterId || this.hasRetractions();
    const placesBehind = this.gazetteerNow() !== null && this.cursor(PLACES_CURSOR) < added.afterId;
    if (termsBehind || placesBehind) {
      setImmediate(() => this.schedule());
      return;
    }
    while (this.indexChunk(added.upToId) > 0);
  }

  /** Whether deleted or re-written mentions still wait to be taken back from the term rollup. */
  hasRetractions(): boolean {
    return this.db.prepare('SELECT 1 FROM term_retractions LIMIT 1').get() !== undefined;
  }

  /**
   * Indexes up to CHUNK mentions past the cursors (and up to `upTo`) plus up to CHUNK retractions,
   * in the caller's transaction or its own. Returns how many it handled (0: nothing left).
   */
  indexChunk(upTo = this.newestId.get() ?? 0): number {
    return this.db.transaction(() => {
      const termsFrom = this.cursor(TERMS_CURSOR);
      const gazetteer = this.gazetteerNow();
      const placesFrom = gazetteer ? this.cursor(PLACES_CURSOR) : Infinity;
      const from = Math.min(termsFrom, placesFrom);
      const rows = from < upTo ? (this.rowsAfter.all(from, upTo, CHUNK) as Row[]) : [];
      const counts = new TermCounts();
      const setPlace = this.db.prepare('UPDATE mentions SET place_code = ? WHERE id = ?');
      for (const row of rows) {
        if (row.id > termsFrom) {
          counts.add(row.created_at, termsOf(row.text), 1);
          counts.seen(row.id, row.created_at);
        }
        if (gazetteer && row.id > placesFrom) {
          const code = gazetteer.placeOf({ geo: row.geo, text: row.text, location: row.location });
          if (code !== row.place_code) setPlace.run(code, row.id);
        }
      }
      const retracted = this.retract(counts, gazetteer);
      counts.write(this.db, termIds(this.db));
      const last = rows.at(-1)?.id;
      if (last !== undefined) {
        const through = rows.length < CHUNK ? upTo : last;
        if (through > termsFrom) setMeta(this.db, TERMS_CURSOR, String(through));
        if (gazetteer && through > placesFrom) setMeta(this.db, PLACES_CURSOR, String(through));
      }
      return rows.length + retracted;
    })();
  }

  /** Takes back the terms of deleted and re-written mentions, counts the new texts, and re-places those. */
  private retract(counts: TermCounts, gazetteer: Gazetteer | null): number {
    const queued = this.db
      .prepare('SELECT id, mention_id, created_at, text, sign FROM term_retractions ORDER BY id LIMIT ?')
      .all(CHUNK) as { id: number; mention_id: number; created_at: number; text: string; sign: 1 | -1 }[];
    if (!queued.length) return 0;
    const current = this.db.prepare(
      `SELECT m.id, m.created_at, m.text, m.geo, m.place_code, a.location FROM mentions m
       LEFT JOIN authors a ON a.id = m.author_id WHERE m.id = ?`,
    );
    const setPlace = this.db.prepare('UPDATE mentions SET place_code = ? WHERE id = ?');
    for (const entry of queued) {
      counts.add(entry.created_at, termsOf(entry.text), entry.sign);
      if (entry.sign > 0) counts.seen(entry.mention_id, entry.created_at);
      if (entry.sign < 0 || !gazetteer) continue;
      const row = current.get(entry.mention_id) as Row | undefined;
      if (!row) continue;
      const code = gazetteer.placeOf({ geo: row.geo, text: row.text, location: row.location });
      if (code !== row.place_code) setPlace.run(code, row.id);
    }
    this.db.prepare('DELETE FROM term_retractions WHERE id <= ?').run(queued.at(-1)!.id);
    return queued.length;
  }

  /** Counts every mention's terms again (a rebuild): clears the term rollup; the next catch-up recounts. */
  resetTerms(): void {
    this.db.transaction(() => {
      for (const table of ['term_day', 'term_month', 'term_year', 'term_id_bounds', 'term_retractions'])
        this.db.exec(`DELETE FROM ${table}`);
      setMeta(this.db, TERMS_CURSOR, '0');
    })();
  }

  /** Places every mention again (after new boundaries): the next catch-up starts from the first mention. */
  resetPlaces(): void {
    setMeta(this.db, PLACES_CURSOR, '0');
  }

  /** Works off everything behind, in chunks (synchronously; for the CLI, tests and benches). */
  catchUp(onChunk: (done: number) => void = () => {}): number {
    let done = 0;
    for (let handled = this.indexChunk(); handled > 0; handled = this.indexChunk()) onChunk((done += handled));
    return done;
  }

  /** Starts the catch-up job unless one runs (then it runs once more when done); null without a job runner. */
  schedule(): JobInfo | null {
    if (!this.jobs || !this.db.open) return null;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const total = this.pendingTerms() + this.pendingPlaces();
    this.running = this.jobs.start('rollups', 'Counting terms and placing mentions on the map', async (control) => {
      try {
        return await this.work(control, total);
      } finally {
        this.running = null;
        if (this.again) {
          this.again = false;
          setImmediate(() => this.schedule());
        }
      }
    });
    return this.running;
  }

  private async work(control: JobControl, total: number): Promise<string> {
    let done = 0;
    control.progress(0, total);
    for (let handled = this.indexChunk(); handled > 0; handled = this.indexChunk()) {
      done += handled;
      control.progress(Math.min(done, total), total);
      await control.checkpoint();
    }
    return `${done} mentions indexed for terms and the map`;
  }
}

/** Looks up (or adds) term ids, caching within one chunk. */
function termIds(db: Db): (term: string) => number {
  const cache = new Map<string, number>();
  const find = db.prepare('SELECT id FROM trend_terms WHERE term = ?').pluck();
  const add = db.prepare('INSERT INTO trend_terms (term) VALUES (?)');
  return (term) => {
    let id = cache.get(term);
    if (id === undefined) {
      id = (find.get(term) as number | undefined) ?? Number(add.run(term).lastInsertRowid);
      cache.set(term, id);
    }
    return id;
  };
}
