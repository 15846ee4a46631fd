import type { Statement } from 'better-sqlite3';
import type { SqlValue } from '../../../shared/query/compile';
import { indexingDeferred } from '../demo/bulk';
import type { Db } from '../store/db';

/** Prepares each distinct SQL text once (queries are built from a small set of fixed fragments). */
export class Statements {
  private readonly prepared = new Map<string, Statement<SqlValue[]>>();

  constructor(private readonly db: Db) {}

  get(sql: string, ...params: SqlValue[]): unknown {
    return this.run(sql, (statement) => statement.get(...params));
  }

  all(sql: string, ...params: SqlValue[]): unknown[] {
    return this.run(sql, (statement) => statement.all(...params));
  }

  /** The first column of every row; use one SQL text either with pluck or without, never both. */
  ids(sql: string, ...params: SqlValue[]): number[] {
    return this.run(sql, (statement) => statement.pluck().all(...params) as number[]);
  }

  /** The `n` column of a counting query. */
  count(sql: string, ...params: SqlValue[]): number {
    return (this.get(sql, ...params) as { n: number | null }).n ?? 0;
  }

  /**
   * Runs a statement. A bulk fill (the demo, a large import: demo/bulk.ts) drops indexes for a while; a query
   * that names one (`INDEXED BY`) then reads without the hint — slower, the same rows — instead of failing.
   */
  private run<T>(sql: string, use: (statement: Statement<SqlValue[]>) => T): T {
    try {
      return use(this.statement(sql));
    } catch (err) {
      const missing =
        err instanceof Error && indexingDeferred(this.db) ? /^no such index: (\w+)$/.exec(err.message) : null;
      const without = missing ? sql.replace(new RegExp(`\\s+INDEXED BY ${missing[1]}\\b`, 'g'), '') : sql;
      if (without === sql) throw err;
      this.prepared.delete(sql);
      return this.run(without, use);
    }
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
