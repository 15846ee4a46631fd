import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db';
import { WatchpostError } from '../../../shared/api/result';
import type { MethodOutput, MethodParsedInput } from '../../../shared/api/contract';
import type { MentionDetail, MentionRow } from '../../../shared/domain/mention';
import { getMeta } from './write';
import { Statements } from '../search/statements';
import { filterCounts, countUpToCap, EXACT_ON_PAGE_BELOW, type FilterTotal } from '../inbox/counts';
import { filterKey, filterSource, filterWhere, fullTextMatches, onWorkingSet } from '../inbox/filter-sql';
import type { SqlFragment } from '../../../shared/query/compile';
import { ORDER_BY, ORDER_BY_SORTING, orderedIds } from '../inbox/order';

/** The "N new" pill counts no further than this. */
const NEWER_CAP = 10_000;

/**
 * A query whose words match at least this many mentions is read along the order's index: its matches are
 * collected once and each index entry is tested against them, a row is looked up only for a match. SQLite
 * would look up every match's row and sort them instead (200 ms for 25k matches at 1M).
 */
const FULL_TEXT_WALK_FROM = 5000;

export interface RowRecord {
  id: number;
  channel: MentionRow['channel'];
  handle: string | null;
  display_name: string | null;
  followers: number | null;
  text: string;
  url: string | null;
  created_at: number;
  lang: MentionRow['lang'];
  sentiment: MentionRow['sentiment'];
  sentiment_score: number | null;
  status: MentionRow['status'];
  assignee: string | null;
  priority: number;
  version: number;
  /** JSON array of the mention's tags, sorted. */
  tags: string;
}

interface DetailRecord extends RowRecord {
  external_id: string;
  source_id: number;
  fetched_at: number;
  reach: number;
  parent_external_id: string | null;
  conversation_id: string | null;
  sentiment_override: MentionDetail['sentimentOverride'];
  raw: string | null;
  first_response_at: number | null;
  resolved_at: number | null;
}

export const ROW_COLUMNS = `m.id, m.channel, a.handle, a.display_name, a.followers, m.text, m.url, m.created_at, m.lang,
  m.sentiment, m.sentiment_score, m.status, m.assignee, m.priority, m.version,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM mention_tags WHERE mention_id = m.id ORDER BY tag)) AS tags`;

interface Plan {
  /** SQLite would sort the matches (a temporary b-tree): a page reads along the order's index when many match. */
  sorts: boolean;
  /**
   * Sorted by priority on columns the priority index carries (migration 10): read along it, each entry
   * tested on its own columns, unless the filter is rare enough that sorting its few matches is cheaper.
   */
  coveredByPriority: boolean;
  /** Whether a small total would make sorting the better plan (see `FilterCounts.forFirstPage`). */
  decides: boolean;
  cheapCount: boolean;
}

/** The indexes that hold every mention in each order. */
const ORDER_INDEX = { newest: 'mentions_created', oldest: 'mentions_created', priority: 'mentions_priority' } as const;

/**
 * A filter the priority index covers that matches at least this many mentions is read along it in priority
 * order: the first page then tests at most some 100 × 1M / 2000 = 50k entries of the index (about 7 ms at 1M),
 * and page 50 a share of it, never a row. Rarer filters are counted and sorted (SQLite then reads them from
 * their own index, often the priority index's range for a priority filter).
 */
const WALK_COVERED_FROM = 2000;

/** The filter tests only columns the priority index carries (migration 10): no full text, topics or tags. */
function coveredByPriorityIndex(filter: MethodParsedInput<'mentions.list'>['filter']): boolean {
  return !filter.query && !filter.topicId?.length && !filter.tag?.length;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function toRow(r: RowRecord): MentionRow {
  return {
    id: r.id,
    channel: r.channel,
    author: { handle: r.handle ?? '', displayName: r.display_name, followers: r.followers ?? 0 },
    text: r.text,
    url: r.url,
    createdAt: iso(r.created_at),
    lang: r.lang,
    sentiment: r.sentiment,
    sentimentScore: r.sentiment_score,
    status: r.status,
    assignee: r.assignee,
    priority: r.priority,
    tags: JSON.parse(r.tags) as string[],
    version: r.version,
  };
}

/** Read side of mentions. SQL is composed from fixed fragments only; every user value is a bound parameter. */
export class MentionReader {
  private readonly statements = new Map<string, Statement<unknown[]>>();
  private readonly sql: Statements;

  constructor(private readonly db: Db) {
    this.sql = new Statements(db);
  }

  /**
   * One page: the ids of the page first, then their rows. The ids are a slice of the list's ordered ids
   * (inbox/order.ts) once those are being read; the first page of a list reads them along the index that
   * fits the filter and the order, and starts reading the list in the background. The total is counted
   * (small) or estimated (large) once per filter and snapshot, and kept; a list read to the end knows it.
   */
  list(input: MethodParsedInput<'mentions.list'>): MethodOutput<'mentions.list'> {
    const top = this.sql.count('SELECT coalesce(max(id), 0) AS n FROM mentions');
    const snapshot = input.filter.maxId ?? top;
    const where = filterWhere(input.filter, input.operator, this.sql);
    const counts = filterCounts(this.db);
    const key = filterKey(input.filter, input.operator);
    // A page of a list read before (or being read) is a slice of its ordered ids, wherever it lies.
    const orders = orderedIds(this.db);
    let ids = orders.slice(key, input.sort, snapshot, input.offset, input.limit + 1);
    let counted: FilterTotal | undefined;
    if (ids === undefined) {
      // When SQLite would sort the matches, the total decides the plan: a small one is sorted, a large one
      // read along the order's index. When it reads them in order already, no count is needed for the plan,
      // and the first page never waits for an expensive one (an estimate; `inbox.count` counts exactly).
      const plan = onWorkingSet(input.filter) ? null : this.plan(input, where);
      // Along the covering priority index only a rare filter needs its count for the plan: one estimated
      // (or counted) below WALK_COVERED_FROM is counted exactly, and sorted when it is.
      const covered = plan !== null && plan.coveredByPriority;
      counted =
        plan === null
          ? undefined
          : counts.forFirstPage(this.sql, key, where, snapshot, top, {
              decides: covered || plan.decides,
              cheap: plan.cheapCount,
              ...(covered ? { decidesBelow: WALK_COVERED_FROM } : {}),
            });
      const walkCovered =
        covered && !(counted !== undefined && !counted.totalIsEstimate && counted.total < WALK_COVERED_FROM);
      // Only when mentions arrived after the snapshot does it cost a condition; most pages need none. `+`:
      // a condition only, never the id range SQLite walks (every id below the snapshot).
      const upTo = snapshot < top ? ' AND +m.id <= ?' : '';
      // Sorted only when few match: an exact total counted earlier (inbox.count) can be a million.
      const sorting =
        !walkCovered && counted !== undefined && !counted.totalIsEstimate && counted.total < EXACT_ON_PAGE_BELOW;
      const source = walkCovered ? this.coveredSource(input) : this.source(input, plan, counted);
      ids = this.sql.ids(
        `SELECT m.id FROM mentions m${source} WHERE ${where.sql}${upTo}
         ORDER BY ${(sorting ? ORDER_BY_SORTING : ORDER_BY)[input.sort]} LIMIT ? OFFSET ?`,
        ...where.params,
        ...(upTo ? [snapshot] : []),
        input.limit + 1,
        input.offset,
      );
      // The next pages of this list (any offset) are slices of it, read in the background from here on.
      // A filter the priority index covers is read to the end along it, also when the first page read one
      // sentiment's own index (which looks a row up per entry: 0.5 s for page 50 of a small channel's
      // negative mentions, where the covering walk tests index entries only). A first page that held every
      // match is the whole list.
      const index = sorting ? null : walkCovered ? ' INDEXED BY mentions_priority' : source;
      const whole = input.offset === 0 && ids.length <= input.limit ? ids : undefined;
      orders.start(key, input.sort, snapshot, { where, index }, whole);
    }
    const more = ids.length > input.limit;
    const rows = this.rowsById(ids.slice(0, input.limit));
    // A list read to the end knows its exact total.
    // So does a first page that holds every match, whatever was estimated.
    const whole = input.offset === 0 && !more;
    if (whole) counts.remember(key, snapshot, rows.length);
    const listed = whole ? rows.length : input.withTotal ? orders.knownTotal(key, input.sort, snapshot) : undefined;
    const total =
      listed !== undefined
        ? { total: listed, totalIsEstimate: false }
        : input.withTotal
          ? (counted ?? counts.forPage(this.sql, key, where, snapshot, top, filterSource(input.filter)))
          : counts.known(key, snapshot);
    const seen = input.offset + rows.length;
    const exactBySeeing = !more && (rows.length > 0 || input.offset === 0);
    const newerThanSnapshot = snapshot < top ? countUpToCap(this.sql, where, NEWER_CAP, { after: snapshot }) : 0;
    const lowerBound = exactBySeeing ? seen : seen + 1;
    const told = total && (input.withTotal || !total.totalIsEstimate) ? total : undefined;
    return {
      // An estimate is never below what the page has seen (a sample can miss a rare filter).
      total: told ? (told.totalIsEstimate ? Math.max(told.total, lowerBound) : told.total) : lowerBound,
      totalIsEstimate: told ? told.totalIsEstimate : !exactBySeeing,
      offset: input.offset,
      maxId: snapshot,
      newerThanSnapshot,
      rows,
    };
  }

  /**
   * Where a page is read from: a working-set filter from its small index in the page's order; a filter
   * matching many mentions along the order's own index (the first matches found are the page) unless an
   * index that starts with a filter column serves the order; a filter matching few from its own index.
   */
  private source(
    input: MethodParsedInput<'mentions.list'>,
    plan: Plan | null,
    counted: FilterTotal | undefined,
  ): string {
    if (plan === null) return filterSource(input.filter, input.sort);
    if (counted && !counted.totalIsEstimate && counted.total < EXACT_ON_PAGE_BELOW) return '';
    if (!plan.sorts) return '';
    // Many matches: SQLite would sort them, so walk the order's index. Priority follows sentiment: one
    // sentiment walks its own part of the priority order (positive ones are far down the whole of it).
    const oneSentiment = input.sort === 'priority' && new Set(input.filter.sentiment ?? []).size === 1;
    return ` INDEXED BY ${oneSentiment ? 'mentions_sentiment_priority' : ORDER_INDEX[input.sort]}`;
  }

  /**
   * The index a filter the priority index covers is read along in priority order: that index, or for one
   * sentiment the sentiment's own part of the priority order (positive mentions lie far down the whole of it,
   * migration 9; its rows are looked up for the other columns, which within one sentiment match soon).
   */
  private coveredSource(input: MethodParsedInput<'mentions.list'>): string {
    const oneSentiment = new Set(input.filter.sentiment ?? []).size === 1;
    return ` INDEXED BY ${oneSentiment ? 'mentions_sentiment_priority' : 'mentions_priority'}`;
  }

  /**
   * How SQLite would read a filter's mentions in a sort: whether it sorts them (a temporary b-tree), and
   * whether counting them reads one index alone (no row looked up per match).
   */
  private plan(input: MethodParsedInput<'mentions.list'>, where: SqlFragment): Plan {
    const { sort } = input;
    const steps = (sql: string) =>
      (this.sql.all(`EXPLAIN QUERY PLAN ${sql}`, ...where.params) as { detail: string }[]).map((s) => s.detail);
    const ordered = steps(`SELECT m.id FROM mentions m WHERE ${where.sql} ORDER BY ${ORDER_BY[sort]}`);
    const counting = steps(`SELECT 1 FROM mentions m WHERE ${where.sql}`);
    const sorts = ordered.some((step) => step.includes('TEMP B-TREE FOR ORDER BY'));
    const matches = fullTextMatches(input.filter, this.sql);
    return {
      sorts,
      coveredByPriority: sort === 'priority' && coveredByPriorityIndex(input.filter),
      decides: sorts && (matches === null || matches < FULL_TEXT_WALK_FROM),
      // One step that searches a covering index (not a scan of all of it, not a subquery or a full-text match).
      cheapCount: counting.length === 1 && /^SEARCH m USING COVERING INDEX /.test(counting[0] as string),
    };
  }

  /** The exact number of mentions a filter matches in the current snapshot (cached; counted in chunks). */
  async count(
    filter: MethodParsedInput<'inbox.count'>['filter'],
    operator: string | undefined,
  ): Promise<{ total: number; maxId: number }> {
    const top = this.sql.count('SELECT coalesce(max(id), 0) AS n FROM mentions');
    const snapshot = filter.maxId ?? top;
    const where = filterWhere(filter, operator, this.sql);
    const key = filterKey(filter, operator);
    // A list of this filter being read in order (any sort) ends with the exact total: no second walk.
    const listed = await orderedIds(this.db).total(key, snapshot);
    if (listed !== undefined) {
      filterCounts(this.db).remember(key, snapshot, listed);
      return { total: listed, maxId: snapshot };
    }
    return {
      total: await filterCounts(this.db).exact(this.sql, key, where, snapshot, filterSource(filter)),
      maxId: snapshot,
    };
  }

  /** Rows for ids, in the order of the ids (ids that no longer exist are left out). */
  rowsById(ids: number[]): MentionRow[] {
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

  get(id: number): MentionDetail {
    const r = this.statement(
      `SELECT ${ROW_COLUMNS}, m.external_id, m.source_id, m.fetched_at, m.reach, m.parent_external_id,
         m.conversation_id, m.sentiment_override, m.raw, m.first_response_at, m.resolved_at
       FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.id = ?`,
    ).get(id) as DetailRecord | undefined;
    if (!r) throw new WatchpostError('not_found', `mention ${id} does not exist`);
    return {
      ...toRow(r),
      externalId: r.external_id,
      sourceId: r.source_id,
      fetchedAt: iso(r.fetched_at),
      reach: r.reach,
      parentExternalId: r.parent_external_id,
      conversationId: r.conversation_id,
      sentimentOverride: r.sentiment_override,
      raw: r.raw === null ? null : safeJson(r.raw),
      version: r.version,
      firstResponseAt: r.first_response_at === null ? null : iso(r.first_response_at),
      resolvedAt: r.resolved_at === null ? null : iso(r.resolved_at),
    };
  }

  stats(): MethodOutput<'workspace.stats'> {
    const counts = this.statement(
      `SELECT (SELECT count(*) FROM mentions) AS mentions,
              (SELECT count(*) FROM mentions WHERE status = 'new') AS unread,
              (SELECT max(created_at) FROM mentions) AS newest,
              (SELECT count(*) FROM sources) AS sources`,
    ).get() as { mentions: number; unread: number; newest: number | null; sources: number };
    const lastIngest = getMeta(this.db, 'last_ingest_at');
    return {
      mentions: counts.mentions,
      unread: counts.unread,
      lastIngestAt: lastIngest ? iso(Number(lastIngest)) : null,
      newestMentionAt: counts.newest === null ? null : iso(counts.newest),
      sources: counts.sources,
    };
  }

  private statement(sql: string): Statement<unknown[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
