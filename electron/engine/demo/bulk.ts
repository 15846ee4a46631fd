import { getMeta, setMeta } from '../mentions/write';
import type { Db } from '../store/db';
import { rebuildRollups } from '../trends/rollups';

/**
 * Filling an empty workspace with a large demo is several times faster when the secondary indexes and the
 * full-text insert trigger are built once at the end instead of row by row (1M mentions on the 2-core
 * machine: about 60 s of CPU instead of 90–110 s). Unique indexes stay, so deduplication works throughout.
 * Meanwhile the inbox still lists the new mentions (unindexed, so more slowly) but search does not find
 * them until the end.
 *
 * The definitions are read from the schema itself and put back verbatim, so no migration is duplicated
 * here. They are saved in workspace_meta before anything is dropped: after a crash,
 * `finishDeferredIndexing` (run at the next demo, and meant to run when a workspace opens) puts them back.
 */
const MARKER = 'demo_deferred_indexing';

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/**
 * Drops the mentions table's non-unique indexes and its full-text insert trigger, when the workspace has
 * no mentions yet and nothing else has deferred them. Returns whether it did.
 */
export function deferIndexing(db: Db): boolean {
  if (db.prepare('SELECT 1 FROM mentions LIMIT 1').get() || getMeta(db, MARKER) !== null) return false;
  const deferred = db
    .prepare<[], SchemaObject>(
      `SELECT type, name, sql FROM sqlite_master
       WHERE tbl_name = 'mentions' AND sql IS NOT NULL
         AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%')
           OR (type = 'trigger' AND sql LIKE '%AFTER INSERT ON mentions%' AND (sql LIKE '%mentions_fts%' OR name LIKE 'rollup%')))
       ORDER BY type, name`,
    )
    .all();
  db.transaction(() => {
    setMeta(db, MARKER, JSON.stringify(deferred));
    for (const object of deferred) db.exec(`DROP ${object.type === 'index' ? 'INDEX' : 'TRIGGER'} "${object.name}"`);
  }).immediate();
  return true;
}

/**
 * Puts back what `deferIndexing` dropped and rebuilds the full-text index from the mentions, one object per
 * transaction with a turn for waiting calls in between. Does nothing when nothing is deferred; safe to run
 * again after an interruption. Returns whether there was anything to finish.
 */
export async function finishDeferredIndexing(db: Db): Promise<boolean> {
  const saved = getMeta(db, MARKER);
  if (saved === null) return false;
  const exists = db.prepare<[string, string]>('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?');
  for (const object of JSON.parse(saved) as SchemaObject[]) {
    if (!exists.get(object.type, object.name)) db.exec(object.sql);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  db.transaction(() => {
    db.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')`);
    rebuildRollups(db);
    db.prepare('DELETE FROM workspace_meta WHERE key = ?').run(MARKER);
  }).immediate();
  return true;
}
