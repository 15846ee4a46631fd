import { getMeta, setMeta } from '../mentions/write';
import type { Db } from '../store/db';
import type { IngestPipeline } from './pipeline';

/**
 * An import that builds its full text at the end (demo/bulk.ts) also leaves its `bulk` after-store steps (topic
 * tags: they search the full text) until the full text is back. This key in workspace_meta says they are owed
 * for every mention with an id above its value. It is set once the indexes are deferred and cleared in the
 * transaction that completes them, so after a crash the next finish (the engine at start, or the next import)
 * still tags what the interrupted import stored.
 */
const OWED_AFTER = 'import_tags_owed_after';

const newestId = (db: Db): number =>
  db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck().get() ?? 0;

/** Notes that the mentions stored from now on still need the `bulk` after-store steps. */
export function oweTags(db: Db): void {
  if (getMeta(db, OWED_AFTER) === null) setMeta(db, OWED_AFTER, String(newestId(db)));
}

/**
 * Runs the owed `bulk` steps over every mention stored since `oweTags`, and clears the debt. Meant as
 * `finishDeferredIndexing`'s `beforeRollups`: inside its last transaction, once the full text is complete.
 */
export function tagOwedMentions(db: Db, pipeline: Pick<IngestPipeline, 'runAfterStore'>): void {
  const owed = getMeta(db, OWED_AFTER);
  if (owed === null) return;
  const afterId = Number(owed);
  const upToId = newestId(db);
  if (upToId > afterId) pipeline.runAfterStore({ afterId, upToId }, { bulkOnly: true });
  db.prepare('DELETE FROM workspace_meta WHERE key = ?').run(OWED_AFTER);
}

/** Mentions tagged per transaction when the owed tags are made ahead of the last step (`tagOwedInChunks`). */
const TAG_CHUNK = 20_000;

/**
 * Makes the owed `bulk` steps in chunks of ids, each in its own transaction that also moves the debt past it,
 * with `pause` between them (a turn for waiting calls): the last transaction of `finishDeferredIndexing`
 * then has little left to tag. Needs the full text complete up to the newest mention (`afterFullText`). A
 * crash between chunks leaves the debt from where it got, and re-tagging a mention adds nothing (the tag
 * rows are unique), so a mention that arrived meanwhile and was tagged by its own batch is no trouble.
 */
export async function tagOwedInChunks(
  db: Db,
  pipeline: Pick<IngestPipeline, 'runAfterStore'>,
  pause: () => Promise<void>,
): Promise<void> {
  for (;;) {
    const more = db
      .transaction(() => {
        const owed = getMeta(db, OWED_AFTER);
        if (owed === null) return false;
        const afterId = Number(owed);
        const upToId = Math.min(newestId(db), afterId + TAG_CHUNK);
        if (upToId <= afterId) return false;
        pipeline.runAfterStore({ afterId, upToId }, { bulkOnly: true });
        setMeta(db, OWED_AFTER, String(upToId));
        return true;
      })
      .immediate();
    if (!more) return;
    await pause();
  }
}
