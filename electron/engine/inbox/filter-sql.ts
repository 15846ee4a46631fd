import { ASSIGNEE_ME, ASSIGNEE_NONE, type MentionFilter } from '../../../shared/api/inbox';
import { WatchpostError } from '../../../shared/api/result';
import { compileQuery, toWhere, type SqlFragment, type SqlValue } from '../../../shared/query/compile';
import { parseQuery } from '../../../shared/query/parser';
import { countUpTo } from '../search/count';
import type { Statements } from '../search/statements';

/**
 * A full-text part of the query is tested against a prepared id list below this many matches (collecting
 * 250k ids costs some 60 ms at 1M mentions); above it each candidate mention is looked up in the full-text
 * index (some 60 µs to 1 ms a mention: cheap only when most mentions match, so a page finds its rows soon).
 */
const SET_LIMIT = 250_000;

/** Full-text match counts (up to SET_LIMIT) of recent filters: they only pick a plan, so a stale one is harmless. */
const matchCountsOf = new WeakMap<Statements, Map<string, number>>();
const MATCH_COUNTS_KEPT = 64;

function matchesUpToLimit(sql: Statements, match: string): number {
  let matchCounts = matchCountsOf.get(sql);
  if (!matchCounts) {
    matchCounts = new Map();
    matchCountsOf.set(sql, matchCounts);
  }
  let n = matchCounts.get(match);
  if (n === undefined) {
    n = countUpTo(sql, match, SET_LIMIT);
    if (matchCounts.size >= MATCH_COUNTS_KEPT) matchCounts.delete(matchCounts.keys().next().value as string);
  }
  matchCounts.delete(match);
  matchCounts.set(match, n);
  return n;
}

/** The statuses of the desk's working set (a small share of history; resolved, archived and spam hold the rest). */
const WORKING_STATUSES: ReadonlySet<string> = new Set(['new', 'open', 'waiting']);

/**
 * The WHERE term of the working-set indexes (migration 5), word for word: SQLite uses a partial index only
 * when the query holds its condition literally, so a filter within the working set adds this (true) term.
 */
const WORKING_TERM = "m.status IN ('new', 'open', 'waiting')";

/** The working-set indexes (migration 5), each in one desk order; both cover every filter column. */
const WORKING_INDEX = {
  newest: 'mentions_working_created',
  oldest: 'mentions_working_created',
  priority: 'mentions_working_priority',
} as const;

/**
 * The index to read a filter's mentions from (` INDEXED BY …`), or '' to let SQLite choose: a filter on the
 * working set reads its small covering index (SQLite would otherwise pick e.g. the sentiment index and read
 * a third of history to count a few hundred). `sort` picks the index already in the page's order.
 */
export function filterSource(filter: MentionFilter, sort: keyof typeof WORKING_INDEX = 'newest'): string {
  return onWorkingSet(filter) ? ` INDEXED BY ${WORKING_INDEX[sort]}` : '';
}

/** The filter keeps to the working set (new, open, waiting), whose small covering indexes serve it. */
export function onWorkingSet(filter: MentionFilter): boolean {
  return filter.status !== undefined && filter.status.length > 0 && filter.status.every((s) => WORKING_STATUSES.has(s));
}

/**
 * The share of mentions each value of a few-valued column usually holds (a desk's history is mostly
 * resolved and archived; a handful of languages, three sentiments, a few channels and operators). Without
 * statistics SQLite takes an equality on any indexed column to match a few rows, and would read e.g. 700k
 * Dutch mentions to find the 7k of priority 70 and up; `likelihood()` tells it these shares instead (the
 * same rows, another index to start from). Rough shares suffice: they only have to rank the conditions.
 */
const SHARE = {
  status: { new: 0.01, open: 0.01, waiting: 0.01, resolved: 0.35, archived: 0.55, spam: 0.02 } as Record<
    string,
    number
  >,
  channel: 0.12,
  lang: 0.45,
  sentiment: 0.33,
  // Higher than an operator's usual share: SQLite favours the (partial, longer) assignee index at equal odds.
  assignee: 0.3,
  unassigned: 0.4,
};

/** A range matching at least this many mentions is a broad one (SQLite's own guess of a quarter stands). */
const RANGE_COUNT_CAP = 20_000;

/** The share of mentions `select` (one bound parameter) reads, counted up to RANGE_COUNT_CAP. */
function shareOf(sql: Statements, select: string, value: SqlValue): number {
  const n = sql.count(`SELECT count(*) AS n FROM (${select} LIMIT ${RANGE_COUNT_CAP})`, value);
  if (n >= RANGE_COUNT_CAP) return 0.25;
  const all = sql.count('SELECT coalesce(max(id), 0) AS n FROM mentions');
  return n / Math.max(1, all);
}

/** `condition` as likely to hold as `share` (clamped to what likelihood() accepts, written as a literal). */
function likely(condition: string, share: number): string {
  const p = Math.min(0.95, Math.max(0.001, share));
  return `likelihood(${condition}, ${p.toFixed(3)})`;
}

/**
 * The inbox filter as a condition on `mentions m`, without the snapshot (`maxId`): the SQL text is made of
 * fixed fragments, every value is a bound parameter. `operator` fills in `$me`.
 */
export function filterWhere(filter: MentionFilter, operator: string | undefined, sql: Statements): SqlFragment {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const oneOf = (column: string, values: readonly SqlValue[], share?: number) => {
    const condition = `${column} IN (${values.map(() => '?').join(', ')})`;
    parts.push(share === undefined ? condition : likely(condition, share));
    params.push(...values);
  };
  if (filter.status?.length) {
    // The working set's own term stays word for word (its partial indexes); its statuses are few anyway.
    if (onWorkingSet(filter)) parts.push(WORKING_TERM);
    if (onWorkingSet(filter) && new Set(filter.status).size < WORKING_STATUSES.size) oneOf('m.status', filter.status);
    if (!onWorkingSet(filter)) {
      const share = [...new Set(filter.status)].reduce((sum, status) => sum + (SHARE.status[status] ?? 0.1), 0);
      oneOf('m.status', filter.status, share);
    }
  }
  if (filter.channel?.length) oneOf('m.channel', filter.channel, SHARE.channel * new Set(filter.channel).size);
  if (filter.lang?.length) {
    const other = filter.lang.includes('other') ? ' OR m.lang IS NULL' : '';
    const condition = `(m.lang IN (${filter.lang.map(() => '?').join(', ')})${other})`;
    parts.push(likely(condition, SHARE.lang * new Set(filter.lang).size));
    params.push(...filter.lang);
  }
  if (filter.sentiment?.length)
    oneOf('m.sentiment', filter.sentiment, SHARE.sentiment * new Set(filter.sentiment).size);
  if (filter.assignee?.length) {
    const names = filter.assignee.flatMap((name) => {
      if (name === ASSIGNEE_NONE) return [];
      if (name !== ASSIGNEE_ME) return [name];
      if (!operator) {
        throw new WatchpostError('invalid_input', `the filter asks for ${ASSIGNEE_ME} but no operator was given`);
      }
      return [operator];
    });
    const alternatives: string[] = [];
    if (names.length) alternatives.push(`m.assignee IN (${names.map(() => '?').join(', ')})`);
    if (filter.assignee.includes(ASSIGNEE_NONE)) alternatives.push('m.assignee IS NULL');
    const share =
      SHARE.assignee * new Set(names).size + (filter.assignee.includes(ASSIGNEE_NONE) ? SHARE.unassigned : 0);
    parts.push(
      likely(alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' OR ')})`, share),
    );
    params.push(...names);
  }
  if (filter.topicId?.length) {
    parts.push(
      `m.id IN (SELECT mention_id FROM mention_topics WHERE topic_id IN (${filter.topicId.map(() => '?').join(', ')}))`,
    );
    params.push(...filter.topicId);
  }
  if (filter.tag?.length) {
    parts.push(`m.id IN (SELECT mention_id FROM mention_tags WHERE tag IN (${filter.tag.map(() => '?').join(', ')}))`);
    params.push(...filter.tag.map((tag) => tag.toLowerCase()));
  }
  // A range's share is counted (one index alone, at most RANGE_COUNT_CAP entries): "priority 70 and up" or
  // "last week" is often the rarest part of a filter, which SQLite cannot know without statistics.
  const rangeShare = (index: string, condition: string, value: number) =>
    shareOf(sql, `SELECT 1 FROM mentions m INDEXED BY ${index} WHERE ${condition}`, value);
  if (filter.priorityMin !== undefined) {
    parts.push(likely('m.priority >= ?', rangeShare('mentions_priority', 'm.priority >= ?', filter.priorityMin)));
    params.push(filter.priorityMin);
  }
  if (filter.reachMin !== undefined) {
    parts.push('m.reach >= ?');
    params.push(filter.reachMin);
  }
  if (filter.from !== undefined) {
    const from = Date.parse(filter.from);
    parts.push(likely('m.created_at >= ?', rangeShare('mentions_created', 'm.created_at >= ?', from)));
    params.push(from);
  }
  if (filter.to !== undefined) {
    const to = Date.parse(filter.to);
    parts.push(likely('m.created_at < ?', rangeShare('mentions_created', 'm.created_at < ?', to)));
    params.push(to);
  }
  if (filter.query) {
    const parsed = parseQuery(filter.query);
    if (!parsed.ok) throw new WatchpostError('invalid_input', `filter.query: ${parsed.error.message}`);
    const compiled = compileQuery(parsed.ast, {
      membership: (match) => (matchesUpToLimit(sql, match) < SET_LIMIT ? 'set' : 'lazy'),
    });
    const matches = compiled.match === null ? 0 : matchesUpToLimit(sql, compiled.match);
    const where = toWhere(compiled, matches < SET_LIMIT ? 'set' : 'lazy');
    if (compiled.match !== null && compiled.filter === null && matches < SET_LIMIT) {
      // Words alone, tested against their collected matches: first, so a mention read along an order's
      // index is looked up in the table only when its id matched (SQLite tests the conditions in this order
      // and fetches the row for the first that needs it: 'lang=en storing' walked 0.2 s instead of 0.35–0.7).
      parts.unshift(`(${where.sql})`);
      params.unshift(...where.params);
    } else {
      parts.push(`(${where.sql})`);
      params.push(...where.params);
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/**
 * How many mentions the full-text part of the filter's query matches (counted up to SET_LIMIT, kept for
 * recent queries), or null when the filter has no full-text part.
 */
export function fullTextMatches(filter: MentionFilter, sql: Statements): number | null {
  if (!filter.query) return null;
  const parsed = parseQuery(filter.query);
  if (!parsed.ok) return null;
  const compiled = compileQuery(parsed.ast, { membership: () => 'set' });
  return compiled.match === null ? null : matchesUpToLimit(sql, compiled.match);
}

/** The filter without its snapshot, with `$me` filled in: the key its counts are cached under. */
export function filterKey(filter: MentionFilter, operator: string | undefined): string {
  const { maxId: _snapshot, ...rest } = filter;
  void _snapshot;
  const resolved = rest.assignee?.includes(ASSIGNEE_ME)
    ? { ...rest, assignee: rest.assignee.map((a) => (a === ASSIGNEE_ME ? `=${operator ?? ''}` : a)) }
    : rest;
  return JSON.stringify(resolved, Object.keys(resolved).sort());
}
