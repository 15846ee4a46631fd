import { getMeta, setMeta } from '../mentions/write';
import type { Db } from '../store/db';
import { rebuildRollups } from '../trends/rollups';

/**
 * Filling an empty workspace with a large demo is several times faster when the indexes and the full-text
 * insert trigger are built once at the end instead of row by row (1M mentions on the 2-core machine: about
 * 60 s of CPU instead of 90–110 s). The canonical-URL index goes too: its keys arrive in random order, so
 * keeping it cost more than all the other writing (at 1M: 45 s of CPU for the writes with it, 26 s without).
 * (channel, external id) stays unique throughout (it belongs to the table), and the demo's links are
 * unique by construction; should two rows still share a key, the later one is removed when the index comes
 * back, as the insert would have skipped it. Meanwhile the inbox still lists the new mentions (unindexed,
 * so more slowly) but search does not find them until the end.
 *
 * The triggers that keep the rollups in step with topic tags go too: the demo's tags are written at the end,
 * and the rollups are rebuilt after them anyway.
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
  /** The table it belongs to; markers written before topic tags were deferred have only 'mentions' objects. */
  table?: 'mentions' | 'mention_topics';
}

/**
 * Drops the mentions table's indexes (all but the table's own unique constraint), its full-text insert
 * trigger, its rollup insert triggers and the rollup triggers on inserted topic tags, when the workspace has
 * no mentions yet and nothing else has deferred them. Returns whether it did. `keepIndexes` drops only the
 * triggers (a file import: its rows may repeat a unique key, which the insert must refuse as it goes, and the
 * inbox reads along its indexes while the import runs).
 */
export function deferIndexing(db: Db, options: { keepIndexes?: boolean } = {}): boolean {
  if (db.prepare('SELECT 1 FROM mentions LIMIT 1').get() || getMeta(db, MARKER) !== null) return false;
  const deferred = db
    .prepare<[], SchemaObject>(
      `SELECT type, name, sql, tbl_name AS "table" FROM sqlite_master
       WHERE sql IS NOT NULL AND (
         (tbl_name = 'mentions' AND (type = 'index'
           OR (type = 'trigger' AND sql LIKE '%AFTER INSERT ON mentions%' AND (sql LIKE '%mentions_fts%' OR name LIKE 'rollup%'))))
         OR (tbl_name = 'mention_topics' AND type = 'trigger' AND sql LIKE '%AFTER INSERT ON mention_topics%'
           AND sql LIKE '%rollup%'))
       ORDER BY type, name`,
    )
    .all()
    .filter((object) => !(options.keepIndexes && object.type === 'index'));
  db.transaction(() => {
    setMeta(db, MARKER, JSON.stringify(deferred));
    for (const object of deferred) db.exec(`DROP ${object.type === 'index' ? 'INDEX' : 'TRIGGER'} "${object.name}"`);
  }).immediate();
  return true;
}

/** Whether indexes are deferred now (a bulk fill runs, or one was interrupted and not finished yet). */
export function indexingDeferred(db: Db): boolean {
  return getMeta(db, MARKER) !== null;
}

/**
 * Every index built scans the whole table; through a memory map it reads the pages where the OS keeps them
 * instead of with a system call per page (measured at 1M mentions on the busy 2-core machine: 26 s of CPU for the whole finish instead of 31 s).
 * The connection's own setting (normally none) comes back afterwards, which unmaps the file again.
 */
const BUILD_MMAP_BYTES = 2 ** 31 - 2 ** 16;

/**
 * Puts back what `deferIndexing` dropped and rebuilds the full-text index and the rollups from the mentions,
 * one object per transaction with a turn for waiting calls in between. `beforeRollups` runs in the last
 * transaction, once the full text is complete and before the topic-tag triggers return and the rollups are
 * rebuilt: the place to tag the new mentions (generate.ts furnishes the demo there). Does nothing when
 * nothing is deferred; safe to run again after an interruption. Returns null when there was nothing to
 * finish, otherwise how many mentions were removed because they repeated a unique key (normally none).
 */
export async function finishDeferredIndexing(db: Db, beforeRollups?: () => void): Promise<number | null> {
  const saved = getMeta(db, MARKER);
  if (saved === null) return null;
  const exists = db.prepare<[string, string]>('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?');
  const mmapBefore = db.pragma('mmap_size', { simple: true }) as number;
  const objects = JSON.parse(saved) as SchemaObject[];
  const onTags = objects.filter((object) => object.table === 'mention_topics');
  let removed = 0;
  try {
    db.pragma(`mmap_size = ${BUILD_MMAP_BYTES}`);
    for (const object of objects) {
      if (object.table === 'mention_topics') continue;
      if (!exists.get(object.type, object.name)) removed += create(db, object);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    db.transaction(() => {
      db.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')`);
      beforeRollups?.();
      for (const object of onTags) if (!exists.get(object.type, object.name)) db.exec(object.sql);
      rebuildRollups(db);
      db.prepare('DELETE FROM workspace_meta WHERE key = ?').run(MARKER);
    }).immediate();
  } finally {
    db.pragma(`mmap_size = ${mmapBefore}`);
  }
  return removed;
}

/**
 * Creates a dropped index or trigger. A unique index that meets a repeated key first removes the later
 * mentions with that key — what the insert would have done with the index in place — and returns how many.
 */
function create(db: Db, object: SchemaObject): number {
  try {
    db.exec(object.sql);
    return 0;
  } catch (err) {
    const unique = /^CREATE UNIQUE INDEX\s+"?\w+"?\s+ON\s+"?mentions"?\s*\(([^)]+)\)(?:\s+WHERE\s+([\s\S]+))?$/i.exec(
      object.sql.trim(),
    );
    if (!unique || (err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
    const columns = unique[1]!.split(',').map((column) => column.trim().replace(/\s+(ASC|DESC)$/i, ''));
    // A unique index never compares NULLs, so rows with one are no repeats.
    const where = [unique[2] ?? 'true', ...columns.map((column) => `${column} IS NOT NULL`)].join(' AND ');
    return db.transaction(() => {
      // Deleting fires the full-text delete trigger, which needs the rows in the full-text index first.
      db.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')`);
      const { changes } = db
        .prepare(
          `DELETE FROM mentions WHERE id IN (SELECT id FROM (
             SELECT id, row_number() OVER (PARTITION BY ${columns.join(', ')} ORDER BY id) AS nth
             FROM mentions WHERE ${where}) WHERE nth > 1)`,
        )
        .run();
      db.exec(object.sql);
      return changes;
    })();
  }
}
