import type { Statement } from 'better-sqlite3';
import type { SqlValue } from '../../../shared/query/compile';
import type { Db } from '../store/db';

/** Prepares each distinct SQL text once (queries are built from a small set of fixed fragments). */
export class Statements {
  private readonly prepared = new Map<string, Statement<SqlValue[]>>();

  constructor(private readonly db: Db) {}

  get(sql: string, ...params: SqlValue[]): unknown {
    return this.statement(sql).get(...params);
  }

  all(sql: string, ...params: SqlValue[]): unknown[] {
    return this.statement(sql).all(...params);
  }

  /** The first column of every row; use one SQL text either with pluck or without, never both. */
  ids(sql: string, ...params: SqlValue[]): number[] {
    return this.statement(sql)
      .pluck()
      .all(...params) as number[];
  }

  /** The `n` column of a counting query. */
  count(sql: string, ...params: SqlValue[]): number {
    return (this.get(sql, ...params) as { n: number | null }).n ?? 0;
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
