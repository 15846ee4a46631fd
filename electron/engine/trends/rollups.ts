import type { Db } from '../store/db';

/**
 * Recomputes the trend rollups from the raw mentions (after a bulk fill that deferred their triggers).
 * Placeholder until the rollups exist.
 */
export function rebuildRollups(db: Db): void {
  void db;
}
