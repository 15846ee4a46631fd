import { ASSIGNEE_ME, ASSIGNEE_NONE, type MentionFilter } from '../../../shared/api/inbox';
import { WatchpostError } from '../../../shared/api/result';
import { compileQuery, toWhere, type SqlFragment, type SqlValue } from '../../../shared/query/compile';
import { parseQuery } from '../../../shared/query/parser';
import { countUpTo } from '../search/count';
import type { Statements } from '../search/statements';

/** A full-text part of the query is tested against a prepared id list below this many matches. */
const SET_LIMIT = 50_000;

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
 * The inbox filter as a condition on `mentions m`, without the snapshot (`maxId`): the SQL text is made of
 * fixed fragments, every value is a bound parameter. `operator` fills in `$me`.
 */
export function filterWhere(filter: MentionFilter, operator: string | undefined, sql: Statements): SqlFragment {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const oneOf = (column: string, values: readonly SqlValue[]) => {
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filter.status?.length) {
    if (onWorkingSet(filter)) parts.push(WORKING_TERM);
    if (!onWorkingSet(filter) || new Set(filter.status).size < WORKING_STATUSES.size) oneOf('m.status', filter.status);
  }
  if (filter.channel?.length) oneOf('m.channel', filter.channel);
  if (filter.lang?.length) {
    const other = filter.lang.includes('other') ? ' OR m.lang IS NULL' : '';
    parts.push(`(m.lang IN (${filter.lang.map(() => '?').join(', ')})${other})`);
    params.push(...filter.lang);
  }
  if (filter.sentiment?.length) oneOf('m.sentiment', filter.sentiment);
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
    parts.push(alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' OR ')})`);
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
  if (filter.priorityMin !== undefined) {
    parts.push('m.priority >= ?');
    params.push(filter.priorityMin);
  }
  if (filter.reachMin !== undefined) {
    parts.push('m.reach >= ?');
    params.push(filter.reachMin);
  }
  if (filter.from !== undefined) {
    parts.push('m.created_at >= ?');
    params.push(Date.parse(filter.from));
  }
  if (filter.to !== undefined) {
    parts.push('m.created_at < ?');
    params.push(Date.parse(filter.to));
  }
  if (filter.query) {
    const parsed = parseQuery(filter.query);
    if (!parsed.ok) throw new WatchpostError('invalid_input', `filter.query: ${parsed.error.message}`);
    const compiled = compileQuery(parsed.ast, {
      membership: (match) => (countUpTo(sql, match, SET_LIMIT) < SET_LIMIT ? 'set' : 'lazy'),
    });
    const matches = compiled.match === null ? 0 : countUpTo(sql, compiled.match, SET_LIMIT);
    const where = toWhere(compiled, matches < SET_LIMIT ? 'set' : 'lazy');
    parts.push(`(${where.sql})`);
    params.push(...where.params);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
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
