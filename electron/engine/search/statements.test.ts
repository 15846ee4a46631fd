import { describe, expect, it } from 'vitest';
import { deferIndexing, finishDeferredIndexing } from '../demo/bulk';
import { openMemoryWorkspace } from '../store/db';
import { Statements } from './statements';

const NEWEST = 'SELECT id FROM mentions INDEXED BY mentions_created ORDER BY created_at DESC, id DESC';

function workspace() {
  const db = openMemoryWorkspace();
  const source = db.prepare(`INSERT INTO sources (kind, name, config, created_at) VALUES ('file', 'f', '{}', 0)`).run();
  const insert = db.prepare(
    `INSERT INTO mentions (source_id, channel, external_id, text, created_at, fetched_at, raw)
     VALUES (?, 'x', ?, 'hallo', ?, 0, NULL)`,
  );
  return { db, add: (externalId: string, at: number) => insert.run(source.lastInsertRowid, externalId, at) };
}

describe('Statements', () => {
  it('reads without an index hint while a bulk fill has the index dropped, and with it once it is back', async () => {
    const { db, add } = workspace();
    const sql = new Statements(db);
    expect(deferIndexing(db)).toBe(true);
    for (const [id, at] of [
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ] as const)
      add(id, at);
    expect(sql.ids(NEWEST)).toEqual([1, 3, 2]);
    expect(sql.count('SELECT count(*) AS n FROM mentions INDEXED BY mentions_created WHERE created_at > 1')).toBe(2);
    await finishDeferredIndexing(db);
    expect(sql.all(`EXPLAIN QUERY PLAN ${NEWEST}`)).toEqual([
      expect.objectContaining({ detail: expect.stringContaining('mentions_created') }),
    ]);
    expect(sql.ids(NEWEST)).toEqual([1, 3, 2]);
  });

  it('still fails on a missing index when nothing is deferred, and on other errors', () => {
    const { db } = workspace();
    const sql = new Statements(db);
    expect(() => sql.all('SELECT id FROM mentions INDEXED BY mentions_gone')).toThrow(/no such index: mentions_gone/);
    expect(() => sql.all('SELECT nope FROM mentions')).toThrow(/no such column: nope/);
  });
});
