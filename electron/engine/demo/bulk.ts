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
 * no mentions yet and nothing else has deferred them. Returns whether it did. `keepIndexes` keeps the named
 * indexes (or all of them with `true`) and drops the rest with the triggers: a file import keeps its unique
 * keys, so the insert refuses a repeat as it goes, and the indexes of the inbox's orders, which it reads along
 * while the import runs.
 */
export function deferIndexing(db: Db, options: { keepIndexes?: boolean | readonly string[] } = {}): boolean {
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
    .filter((object) => object.type !== 'index' || !keeps(options.keepIndexes, object.name));
  db.transaction(() => {
    setMeta(db, MARKER, JSON.stringify(deferred));
    for (const object of deferred) db.exec(`DROP ${object.type === 'index' ? 'INDEX' : 'TRIGGER'} "${object.name}"`);
  }).immediate();
  return true;
}

function keeps(keep: boolean | readonly string[] | undefined, index: string): boolean {
  return keep === true || (Array.isArray(keep) && keep.includes(index));
}

/** Whether indexes are deferred now (a bulk fill runs, or one was interrupted and not finished yet). */
export function indexingDeferred(db: Db): boolean {
  return getMeta(db, MARKER) !== null;
}

/**
 * Every index built scans the whole table; through a memory map it reads the pages where the OS keeps them
 * instead of with a system call per page (measured at 1M mentions on the busy 2-core machine: 26 s of CPU for the whole finish instead of 31 s).
 * The connection's own setting (store/db.ts maps reads too, up to the same size) comes back afterwards.
 */
const BUILD_MMAP_BYTES = 2 ** 31 - 2 ** 16;

/**
 * Puts back what `deferIndexing` dropped and rebuilds the full-text index and the rollups from the mentions,
 * one object per transaction, with a turn for waiting calls in between. `beforeRollups` runs in the last
 * transaction, once the full text is complete and before the topic-tag triggers return and the rollups are
 * rebuilt: the place to tag the new mentions (generate.ts furnishes the demo there).
 *
 * The full text is rebuilt whole in the last transaction (FTS5's own 'rebuild', the least work: the demo's
 * budget), or with `fullTextInChunks` filled in chunks (`fillFullText`) so the inbox answers meanwhile, as a
 * file import wants; `afterFullText` then runs once the fill is complete, outside any transaction (an import
 * tags in chunks there). A fill an interruption left half-way always resumes in chunks. Does nothing when
 * nothing is deferred; safe to run again after an interruption. Returns null when there was nothing to
 * finish, otherwise how many mentions were removed because they repeated a unique key (normally none).
 */
export async function finishDeferredIndexing(
  db: Db,
  beforeRollups?: () => void,
  options: {
    fullTextInChunks?: boolean;
    afterFullText?: () => Promise<void>;
    prebuiltFullText?: { file: string; used?: boolean };
  } = {},
): Promise<number | null> {
  const { afterFullText } = options;
  const saved = getMeta(db, MARKER);
  if (saved === null) return null;
  const exists = db.prepare<[string, string]>('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?');
  const mmapBefore = db.pragma('mmap_size', { simple: true }) as number;
  const objects = JSON.parse(saved) as SchemaObject[];
  const onTags = objects.filter((object) => object.table === 'mention_topics');
  const isFtsInsert = (object: SchemaObject) => object.type === 'trigger' && object.sql.includes('mentions_fts');
  let removed = 0;
  try {
    db.pragma(`mmap_size = ${BUILD_MMAP_BYTES}`);
    // Also whole: a trigger that is already back while no fill is on record (an interruption of an older
    // version), or a marker without the full-text trigger.
    const ftsTrigger = objects.find(isFtsInsert);
    const rebuildWhole =
      getMeta(db, FTS_FILL) === null &&
      (!options.fullTextInChunks || !ftsTrigger || exists.get(ftsTrigger.type, ftsTrigger.name) !== undefined);
    for (const object of objects) {
      // The fill puts the full-text trigger back itself, in the transaction that records where it starts.
      if (object.table === 'mention_topics' || (!rebuildWhole && isFtsInsert(object))) continue;
      if (!exists.get(object.type, object.name)) removed += create(db, object);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (!rebuildWhole) {
      await fillFullText(db, ftsTrigger!);
      await afterFullText?.();
    }
    const prebuilt =
      rebuildWhole && options.prebuiltFullText ? attachFullText(db, options.prebuiltFullText.file) : false;
    try {
      db.transaction(() => {
        if (prebuilt && copyFullText(db)) options.prebuiltFullText!.used = true;
        else if (rebuildWhole) db.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')`);
        beforeRollups?.();
        for (const object of onTags) if (!exists.get(object.type, object.name)) db.exec(object.sql);
        rebuildRollups(db);
        db.prepare('DELETE FROM workspace_meta WHERE key IN (?, ?)').run(MARKER, FTS_FILL);
      }).immediate();
    } finally {
      if (prebuilt) db.exec(`DETACH DATABASE ${PREBUILT}`);
    }
  } finally {
    db.pragma(`mmap_size = ${mmapBefore}`);
  }
  return removed;
}

/** The schema name a prebuilt full-text index is attached under. */
const PREBUILT = 'demo_prebuilt_fts';

/** Attaches a prebuilt full-text index (see `copyFullText`); false when it cannot be opened. */
function attachFullText(db: Db, file: string): boolean {
  try {
    db.prepare(`ATTACH DATABASE ? AS ${PREBUILT}`).run(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts a full-text index built elsewhere in place of FTS5's own 'rebuild' — the same index, made in the demo's
 * worker thread while the rows were written (batches.ts): an FTS5 table of the same definition in a file of
 * its own, fed the same texts under the same ids in one transaction, as 'rebuild' feeds them. Its shadow
 * tables are copied over this one's. Only when it covers exactly the mentions there are (the same number,
 * with the same first and last id, and no gaps); otherwise nothing changes and the caller rebuilds. Call it
 * inside a transaction.
 */
function copyFullText(db: Db): boolean {
  const mine = db
    .prepare<[], { n: number; first: number | null; last: number | null }>(
      'SELECT count(*) AS n, min(id) AS first, max(id) AS last FROM mentions',
    )
    .get()!;
  let theirs: { n: number; first: number | null; last: number | null } | undefined;
  try {
    theirs = db
      .prepare<[], { n: number; first: number | null; last: number | null }>(
        `SELECT count(*) AS n, min(id) AS first, max(id) AS last FROM ${PREBUILT}.mentions_fts_docsize`,
      )
      .get();
  } catch {
    return false;
  }
  const same =
    theirs !== undefined &&
    mine.n > 0 &&
    theirs.n === mine.n &&
    theirs.first === mine.first &&
    theirs.last === mine.last &&
    mine.last! - mine.first! + 1 === mine.n;
  if (!same) return false;
  // This connection's FTS5 may keep a picture of the index in memory (its structure and totals), which
  // writing the shadow tables does not touch; rolling back a change it took part in makes it forget that
  // picture and read the tables again at the next search, which will find the copy. The change itself (on
  // the still empty index, so cheap) is undone.
  db.exec(`SAVEPOINT ${PREBUILT}`);
  try {
    db.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('delete-all')`);
  } finally {
    db.exec(`ROLLBACK TO ${PREBUILT}`);
    db.exec(`RELEASE ${PREBUILT}`);
  }
  // FTS5's shadow tables are written by FTS5 alone unless the connection allows it (SQLite's defensive mode).
  db.unsafeMode(true);
  try {
    for (const table of ['mentions_fts_data', 'mentions_fts_idx', 'mentions_fts_docsize']) {
      db.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM ${PREBUILT}.${table}`);
    }
  } finally {
    db.unsafeMode(false);
  }
  return true;
}

/**
 * How far the chunked full-text fill got: `{ through, upTo }` (mention ids). Mentions up to `upTo` are put
 * into the full text by the fill, in id order; later ones by the insert trigger, which comes back in the
 * transaction that records `upTo`. Each chunk moves `through` in its own transaction, so an interrupted fill
 * resumes where it stopped.
 */
const FTS_FILL = 'demo_fts_fill';

/** Mentions put into the full text per transaction: a few tens of ms each on the 2-core machine. */
const FTS_CHUNK = 2_000;

/**
 * Puts the mentions into the full text in chunks, with a turn for waiting calls between them: the inbox
 * answers meanwhile, where one 'rebuild' held the engine's thread for seconds (9.7 s at 200k mentions).
 * A mention already in the full text (its row in the docsize table: a unique index that met a repeat
 * rebuilt it whole, see `create`) is left alone, so a fill that runs again never indexes one twice.
 */
async function fillFullText(db: Db, trigger: SchemaObject): Promise<void> {
  let fill = JSON.parse(getMeta(db, FTS_FILL) ?? 'null') as { through: number; upTo: number } | null;
  if (fill === null) {
    fill = db
      .transaction(() => {
        const upTo = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck().get() ?? 0;
        db.exec(trigger.sql);
        setMeta(db, FTS_FILL, JSON.stringify({ through: 0, upTo }));
        return { through: 0, upTo };
      })
      .immediate();
  }
  const ids = db
    .prepare<[number, number, number], number>('SELECT id FROM mentions WHERE id > ? AND id <= ? ORDER BY id LIMIT ?')
    .pluck();
  const insert = db.prepare<[number, number]>(
    `INSERT INTO mentions_fts (rowid, text) SELECT m.id, m.text FROM mentions m
     WHERE m.id >= ? AND m.id <= ? AND NOT EXISTS (SELECT 1 FROM mentions_fts_docsize d WHERE d.id = m.id)`,
  );
  const { upTo } = fill;
  let through = fill.through;
  while (through < upTo) {
    through = db
      .transaction(() => {
        const chunk = ids.all(through, upTo, FTS_CHUNK);
        const last = chunk.length < FTS_CHUNK ? upTo : chunk.at(-1)!;
        if (chunk.length > 0) insert.run(chunk[0]!, last);
        setMeta(db, FTS_FILL, JSON.stringify({ through: last, upTo }));
        return last;
      })
      .immediate();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
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
