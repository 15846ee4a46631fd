import { WatchpostError } from '../../../shared/api/result';
import type { MentionRow } from '../../../shared/domain/mention';
import { compileQuery, toWhere, type CompiledQuery, type SqlFragment } from '../../../shared/query/compile';
import { parseQuery } from '../../../shared/query/parser';
import { ROW_COLUMNS, toRow, type RowRecord } from '../mentions/read';
import type { Db } from '../store/db';
import { countAll, countMatches, countUpTo, type Total } from './count';
import { Statements } from './statements';

export type SearchSort = 'newest' | 'relevance';

export interface SearchInput {
  query: string;
  limit: number;
  offset?: number;
  /** Newest first (the default), or best bm25 match first. */
  sort?: SearchSort;
  /** Only mentions up to this id: a result list's snapshot, so its pages line up while mentions arrive. */
  maxId?: number;
}

export interface SearchResult extends Total {
  offset: number;
  mentions: MentionRow[];
  /** Relevance on a very broad query ranks only this many most recently stored matches; null when all were ranked. */
  rankedWithin: number | null;
}

export interface SnapshotResult extends SearchResult {
  /** The newest mention id the answer saw: pass it back as `maxId` for the next pages. */
  maxId: number;
}

/**
 * A relevance search ranks at most this many matches: bm25 over 350k matches takes ~0.5 s at 1M mentions,
 * over 10,000 ~25 ms of CPU (too much for the budget on a busy 2-core machine), over 4,000 ~10 ms.
 */
export const RELEVANCE_WINDOW = 4000;

/**
 * Measured at 1M mentions (µs): walking the time index and checking each mention in the full-text
 * index costs ~20 per mention visited; sorting the matches of a word costs ~1 per match through the
 * (id, created_at) index. Which is cheaper depends on how many match.
 */
const WALK_COST = 20;
const SORT_COST = 1;
/** Checking a filter reads the whole row (~7 µs): after this many sorted matches, walking is cheaper. */
const MAX_SORTED_CHECKS = 4000;
/** A full-text part inside an OR or NOT is tested against a prepared id list below this many matches. */
const SET_LIMIT = 50_000;
/** Ranked ids are checked against a filter this many at a time. */
const FILTER_BATCH = 500;

const NEWEST = 'm.created_at DESC, m.id DESC';
/** Fewer matches than this are all sorted; more are read from the most recently stored (byStoredOrder). */
const SORT_ALL_BELOW = 3000;
/** Reading matches in stored order gives up after this many (the filter passes too few of them). */
const MAX_STORED_READS = 20_000;
/** Reading matches in stored order gives up when more older-stored mentions than this carry newer times. */
const MAX_LATER_CHECKS = 2000;

/** Search totals kept for the current state of the store. */
const TOTALS_KEPT = 100;

/** A mention id with its created_at. */
interface Stamped {
  id: number;
  at: number;
}

const newestFirst = (a: Stamped, b: Stamped): number => b.at - a.at || b.id - a.id;

/**
 * Runs a query of the query language over the mentions. A syntax error becomes `invalid_input` with the
 * column message. Every value from the query is a bound parameter; the SQL text is built from fixed fragments.
 */
export function searchMentions(db: Db, input: SearchInput): SnapshotResult {
  let search = searches.get(db);
  if (!search) {
    search = new MentionSearch(db);
    searches.set(db, search);
  }
  return search.search(input);
}

const searches = new WeakMap<Db, MentionSearch>();

export interface SearchOptions {
  /** How many matches a relevance search ranks at most (tests use a small window). */
  relevanceWindow?: number;
  /** How many sorted matches are checked against a filter before walking instead (tests use a small number). */
  maxSortedChecks?: number;
  /** Fewer matches than this are sorted; more are read in stored order (tests use a small number). */
  sortAllBelow?: number;
}

export class MentionSearch {
  private readonly sql: Statements;
  private readonly window: number;
  private readonly maxSortedChecks: number;
  private readonly sortAllBelow: number;
  private readonly maxStoredReads = MAX_STORED_READS;
  private readonly maxLaterChecks = MAX_LATER_CHECKS;
  private readonly totals = new Map<string, Total>();
  private totalsStamp = -1;

  constructor(db: Db, options: SearchOptions = {}) {
    this.sql = new Statements(db);
    this.window = options.relevanceWindow ?? RELEVANCE_WINDOW;
    this.maxSortedChecks = options.maxSortedChecks ?? MAX_SORTED_CHECKS;
    this.sortAllBelow = options.sortAllBelow ?? SORT_ALL_BELOW;
  }

  search(input: SearchInput): SnapshotResult {
    const parsed = parseQuery(input.query);
    if (!parsed.ok) throw new WatchpostError('invalid_input', parsed.error.message);
    const top = this.sql.count('SELECT max(id) AS n FROM mentions');
    const snapshot = input.maxId ?? top;
    let compiled = compileQuery(parsed.ast, {
      membership: (match) => (countUpTo(this.sql, match, SET_LIMIT) < SET_LIMIT ? 'set' : 'lazy'),
    });
    // Only when mentions arrived after the snapshot does it cost a condition; most pages need none.
    if (snapshot < top) compiled = upToId(compiled, snapshot);
    return { ...this.find(compiled, input, top), maxId: snapshot };
  }

  private find(compiled: CompiledQuery, input: SearchInput, mentions: number): SearchResult {
    const offset = input.offset ?? 0;
    if (compiled.match === null) return this.walk(compiled, offset, input.limit);
    if (input.sort === 'relevance') return this.rank(compiled, compiled.match, offset, input.limit);
    const match = compiled.match;
    // Few matches: sort them all. Many: read them from the most recently stored, which is cheap in the
    // full-text index and, as ids follow time, nearly newest first (the rest is proven, see byStoredOrder).
    const few = countUpTo(this.sql, match, this.sortAllBelow) < this.sortAllBelow;
    const sorted = few ? this.sortMatches(compiled, match, offset, input.limit) : null;
    if (sorted) return sorted;
    const stored = few ? null : this.byStoredOrder(compiled, match, offset, input.limit);
    if (stored) return stored;
    // A filter that passes few of many matches: sort them all, or walk the time (or filter) index.
    const crossover = Math.max(1000, Math.ceil(Math.sqrt((WALK_COST / SORT_COST) * (offset + input.limit) * mentions)));
    const sortable = !few && countUpTo(this.sql, match, crossover) < crossover;
    return (
      (sortable ? this.sortMatches(compiled, match, offset, input.limit) : null) ??
      this.walk(compiled, offset, input.limit)
    );
  }

  /**
   * Newest first without sorting every match: the matches are read from the most recently stored down
   * (FTS5 reads its index in rowid order cheaply) in growing batches, each checked against the filter,
   * until the page is full. Ids follow time only mostly (an import of older posts is stored after newer
   * ones), so the page is then proven: any match not read yet has a smaller id, and can only belong on the
   * page if it is newer than the page's last row; the time index lists exactly those mentions, and each is
   * checked. Null (the caller takes another way) when too many matches fail the filter, or too many older
   * ids carry newer times, for this to stay cheap.
   */
  private byStoredOrder(compiled: CompiledQuery, match: string, offset: number, limit: number): SearchResult | null {
    const wanted = offset + limit;
    const found: Stamped[] = [];
    // The smallest id read so far: every match at or above it has been read.
    let below = Number.MAX_SAFE_INTEGER;
    let read = 0;
    let exhausted = false;
    for (let batch = Math.max(2 * wanted, 256); found.length < wanted; batch *= 2) {
      if (read >= this.maxStoredReads) return null;
      const ids = this.sql.ids(
        `SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? AND rowid < CAST(? AS INTEGER)
         ORDER BY rowid DESC LIMIT ?`,
        match,
        below,
        batch,
      );
      read += ids.length;
      if (ids.length > 0) below = ids[ids.length - 1] as number;
      found.push(...this.stamped(ids, compiled.filter));
      if (ids.length < batch) {
        exhausted = true;
        break;
      }
    }
    found.sort(newestFirst);
    if (!exhausted) {
      const last = found[wanted - 1] as Stamped;
      // Stored before the matches read (smaller id) but written later than the page's last row.
      const later = this.sql.ids(
        `SELECT m.id FROM mentions m INDEXED BY mentions_created WHERE m.created_at > ? AND m.id < ? LIMIT ?`,
        last.at,
        below,
        this.maxLaterChecks + 1,
      );
      if (later.length > this.maxLaterChecks) return null;
      if (later.length > 0) {
        found.push(...this.stamped(later, and(compiled.filter, lazyMatch(match))));
        found.sort(newestFirst);
      }
    }
    const mentions = this.rowsById(found.slice(offset, offset + limit).map((f) => f.id));
    const result = { offset, mentions, rankedWithin: null };
    if (exhausted) return { ...result, total: found.length, totalIsEstimate: false };
    if (!compiled.filter) return { ...result, total: this.matchCount(match), totalIsEstimate: false };
    return { ...result, ...atLeast(this.filteredCount(compiled), found.length) };
  }

  /** The ids that pass `filter` (all of them when null), with their created_at, in no particular order. */
  private stamped(ids: number[], filter: SqlFragment | null): Stamped[] {
    if (ids.length === 0) return [];
    if (!filter) {
      return this.sql.all(
        `SELECT m.id AS id, m.created_at AS at FROM json_each(?) j
         CROSS JOIN mentions m INDEXED BY mentions_id_created ON m.id = j.value`,
        JSON.stringify(ids),
      ) as Stamped[];
    }
    return this.sql.all(
      `SELECT m.id AS id, m.created_at AS at FROM json_each(?) j CROSS JOIN mentions m ON m.id = j.value
       WHERE ${filter.sql}`,
      JSON.stringify(ids),
      ...filter.params,
    ) as Stamped[];
  }

  /** Newest first along the time index (or the index SQLite picks for the filter), checking words per mention. */
  private walk(compiled: CompiledQuery, offset: number, limit: number): SearchResult {
    const { sql, params } = toWhere(compiled, 'lazy');
    const page = this.sql.ids(
      `SELECT m.id FROM mentions m WHERE ${sql} ORDER BY ${NEWEST} LIMIT ? OFFSET ?`,
      ...params,
      limit,
      offset,
    );
    const result = { offset, mentions: this.rowsById(page), rankedWithin: null };
    const seen = offset + page.length;
    if (page.length < limit && (page.length > 0 || offset === 0))
      return { ...result, total: seen, totalIsEstimate: false };
    if (!compiled.filter) {
      const total =
        compiled.match === null
          ? this.sql.count('SELECT count(*) AS n FROM mentions')
          : this.matchCount(compiled.match);
      return { ...result, total, totalIsEstimate: false };
    }
    return { ...result, ...atLeast(this.filteredCount(compiled), seen) };
  }

  /**
   * All matches of the words sorted newest first through the small (id, created_at) index, then the
   * filter checked on the newest in batches until the page is full. Null when the filter passes so
   * few that walking the (perhaps indexed) filter newest first is the better way.
   */
  private sortMatches(compiled: CompiledQuery, match: string, offset: number, limit: number): SearchResult | null {
    const ids = this.sql.ids(
      `SELECT m.id FROM (SELECT rowid AS id FROM mentions_fts WHERE mentions_fts MATCH ?) h
       CROSS JOIN mentions m INDEXED BY mentions_id_created ON m.id = h.id ORDER BY ${NEWEST}`,
      match,
    );
    const page = (found: number[]): MentionRow[] => this.rowsById(found.slice(offset, offset + limit));
    if (!compiled.filter) {
      return { total: ids.length, totalIsEstimate: false, offset, mentions: page(ids), rankedWithin: null };
    }
    const { passed, checked } = this.filterInOrder(ids, compiled.filter, offset + limit, this.maxSortedChecks);
    if (passed.length < offset + limit && checked < ids.length) return null;
    const total: Total =
      checked === ids.length
        ? { total: passed.length, totalIsEstimate: false }
        : atLeast(this.filteredCount(compiled), passed.length);
    return { ...total, offset, mentions: page(passed), rankedWithin: null };
  }

  /** The ids (in their order) that pass the filter, checked in batches until `wanted` passed or `most` were checked. */
  private filterInOrder(
    ids: number[],
    filter: SqlFragment,
    wanted: number,
    most = Infinity,
  ): { passed: number[]; checked: number } {
    const passed: number[] = [];
    let checked = 0;
    while (checked < ids.length && passed.length < wanted && checked < most) {
      const batch = ids.slice(checked, checked + FILTER_BATCH);
      const pass = new Set(
        this.sql.ids(
          `SELECT m.id FROM json_each(?) j CROSS JOIN mentions m ON m.id = j.value WHERE ${filter.sql}`,
          JSON.stringify(batch),
          ...filter.params,
        ),
      );
      passed.push(...batch.filter((id) => pass.has(id)));
      checked += batch.length;
    }
    return { passed, checked };
  }

  /**
   * Best bm25 match first. bm25 is computed for every candidate, so a broad query ranks only its
   * `relevanceWindow` most recently stored matches. The filter is then applied to the ranked ids in
   * batches, stopping once the page is full.
   */
  private rank(compiled: CompiledQuery, match: string, offset: number, limit: number): SearchResult {
    // The window-th newest stored match, if there are that many: ranking starts from there.
    const windowStart = this.sql.get(
      'SELECT rowid AS id FROM mentions_fts WHERE mentions_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
      match,
      this.window - 1,
    ) as { id: number } | undefined;
    const windowed = windowStart !== undefined;
    const bound = windowStart?.id ?? 0;
    // CAST: a JS number binds as REAL, and FTS5 silently ignores a rowid bound that is not an INTEGER.
    const ranked = this.sql.ids(
      `SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? AND rowid >= CAST(? AS INTEGER)
       ORDER BY rank, rowid DESC`,
      match,
      bound,
    );
    const rankedWithin = windowed ? this.window : null;
    const matches = windowed ? this.matchCount(match) : ranked.length;
    if (!compiled.filter) {
      const mentions = this.rowsById(ranked.slice(offset, offset + limit));
      return { total: matches, totalIsEstimate: false, offset, mentions, rankedWithin };
    }
    const { passed, checked } = this.filterInOrder(ranked, compiled.filter, offset + limit);
    const mentions = this.rowsById(passed.slice(offset, offset + limit));
    if (checked === ranked.length && !windowed)
      return { total: passed.length, totalIsEstimate: false, offset, mentions, rankedWithin };
    return { ...atLeast(this.filteredCount(compiled), passed.length), offset, mentions, rankedWithin };
  }

  /** Every match of a full-text expression (counted once per state of the store). */
  private matchCount(match: string): number {
    return this.remembered(`match ${match}`, () => ({ total: countAll(this.sql, match), totalIsEstimate: false }))
      .total;
  }

  /** The total of a query with a filter: exact, or estimated from a sample (once per state of the store). */
  private filteredCount(compiled: CompiledQuery): Total {
    return this.remembered(`query ${JSON.stringify(compiled)}`, () => countMatches(this.sql, compiled));
  }

  /**
   * A total counted before, while the store has not changed since: the next pages of a search (and the
   * same search again) reuse it. Any write through this connection or another one counts as a change.
   */
  private remembered(key: string, count: () => Total): Total {
    const stamp = this.sql.count(
      'SELECT total_changes() * 4294967296 + (SELECT data_version FROM pragma_data_version) AS n',
    );
    if (stamp !== this.totalsStamp) {
      this.totals.clear();
      this.totalsStamp = stamp;
    }
    let total = this.totals.get(key);
    if (!total) {
      total = count();
      this.totals.set(key, total);
      if (this.totals.size > TOTALS_KEPT) this.totals.delete(this.totals.keys().next().value as string);
    }
    return total;
  }

  private rowsById(ids: number[]): MentionRow[] {
    if (ids.length === 0) return [];
    const rows = this.sql.all(
      `SELECT ${ROW_COLUMNS} FROM json_each(?) j CROSS JOIN mentions m ON m.id = j.value
       LEFT JOIN authors a ON a.id = m.author_id`,
      JSON.stringify(ids),
    ) as RowRecord[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toRow(row)] : [];
    });
  }
}

/** A total never below what a page has already seen pass (an estimate from a sample can miss a rare filter). */
function atLeast(total: Total, seen: number): Total {
  return total.total >= seen ? total : { total: seen, totalIsEstimate: total.totalIsEstimate };
}

/** A full-text match tested per mention (for a few mentions). */
function lazyMatch(match: string): SqlFragment {
  return toWhere({ match, filter: null }, 'lazy');
}

function and(a: SqlFragment | null, b: SqlFragment): SqlFragment {
  return a ? { sql: `(${a.sql}) AND ${b.sql}`, params: [...a.params, ...b.params] } : b;
}

function upToId(compiled: CompiledQuery, maxId: number): CompiledQuery {
  const upTo: SqlFragment = { sql: 'm.id <= ?', params: [maxId] };
  const filter = compiled.filter
    ? { sql: `(${compiled.filter.sql} AND ${upTo.sql})`, params: [...compiled.filter.params, maxId] }
    : upTo;
  return { ...compiled, filter };
}
