import type { Statement } from 'better-sqlite3';
import { WatchpostError } from '../../../shared/api/result';
import { compileQuery, type CompiledQuery, type Membership, type SqlValue } from '../../../shared/query/compile';
import { parseQuery } from '../../../shared/query/parser';
import type { Db } from '../store/db';

/**
 * Reads a topic's query, or refuses it with the column message ("column 14: expected a term after
 * AND"), the same sentence the search bar shows.
 */
export function compileTopicQuery(query: string, membership: (match: string) => Membership): CompiledQuery {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new WatchpostError('invalid_input', `query: ${parsed.error.message}`);
  if (parsed.ast === null) throw new WatchpostError('invalid_input', 'query: a topic needs a query');
  return compileQuery(parsed.ast, { membership });
}

/**
 * Tags mentions with a topic, one id range at a time. When the query has words, the full-text index
 * drives: it reads only the postings inside the range, so a chunk costs what it matches, not the
 * whole word's matches again. Field-only queries read the id range itself.
 */
export class TopicTagger {
  private readonly prepared = new Map<string, Statement<SqlValue[]>>();
  private readonly untagRange: Statement<[number, number, number]>;
  private readonly countMatches: Statement<[string, number], number>;

  constructor(private readonly db: Db) {
    this.untagRange = db.prepare(
      'DELETE FROM mention_topics WHERE topic_id = ? AND mention_id >= ? AND mention_id <= ?',
    );
    this.countMatches = db
      .prepare<[string, number], number>(
        'SELECT count(*) FROM (SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT ?)',
      )
      .pluck();
  }

  /**
   * How a word part that cannot drive (inside an OR or a NOT) is tested over a long range: a prepared
   * list when it matches few mentions, a lookup per candidate when it matches many.
   */
  membershipFor(match: string): Membership {
    const SET_LIMIT = 50_000;
    return (this.countMatches.get(match, SET_LIMIT) ?? 0) < SET_LIMIT ? 'set' : 'lazy';
  }

  /** Tags the matching mentions with ids in [fromId, toId]; answers how many tags were added. */
  tag(topicId: number, compiled: CompiledQuery, fromId: number, toId: number): number {
    const { sql, params } = this.insertFor(compiled);
    const values = compiled.match === null ? [topicId, fromId, toId] : [topicId, compiled.match, fromId, toId];
    return this.statement(sql).run(...values, ...params).changes;
  }

  /** Replaces the topic's tags in [fromId, toId] with what its (perhaps edited) query matches now. */
  retag(topicId: number, compiled: CompiledQuery, fromId: number, toId: number): number {
    this.untagRange.run(topicId, fromId, toId);
    return this.tag(topicId, compiled, fromId, toId);
  }

  private insertFor(compiled: CompiledQuery): { sql: string; params: SqlValue[] } {
    const filter = compiled.filter;
    const insert = 'INSERT OR IGNORE INTO mention_topics (topic_id, mention_id)';
    if (compiled.match === null) {
      if (!filter) throw new Error('a topic query compiled to nothing');
      return {
        sql: `${insert} SELECT ?, m.id FROM mentions m WHERE m.id >= ? AND m.id <= ? AND ${filter.sql}`,
        params: filter.params,
      };
    }
    // CAST: a JS number binds as REAL, and FTS5 ignores a rowid bound that is not an INTEGER.
    const hits = `SELECT rowid AS id FROM mentions_fts WHERE mentions_fts MATCH ?
      AND rowid >= CAST(? AS INTEGER) AND rowid <= CAST(? AS INTEGER)`;
    if (!filter) return { sql: `${insert} SELECT ?, h.id FROM (${hits}) h`, params: [] };
    return {
      sql: `${insert} SELECT ?, h.id FROM (${hits}) h CROSS JOIN mentions m ON m.id = h.id WHERE ${filter.sql}`,
      params: filter.params,
    };
  }

  private statement(sql: string): Statement<SqlValue[]> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare<SqlValue[]>(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}
