import type { LiveSource, SourceHealth, SourceKind } from '../../../../shared/api/sources';
import { SOURCE_KINDS } from '../../../../shared/api/sources';
import { WatchpostError } from '../../../../shared/api/result';
import type { Db } from '../../store/db';
import { publicSourceConfig } from '../connectors/config';
import type { SourceHealth as PollHealth } from '../connectors/health';

export interface SourceRow {
  id: number;
  kind: SourceKind;
  name: string;
  config: string;
  cursor: string | null;
  paused: number;
  health: SourceHealth;
  last_success_at: number | null;
  last_error: string | null;
  created_at: number;
}

/**
 * The scheduler ends an error with "; next try at 14:05" in the engine's own time zone. The screen
 * shows nextCheckAt in the reader's zone instead, so the clock time is dropped here.
 */
const NEXT_TRY = /; next try at [^;]*$/;

const KINDS = SOURCE_KINDS.map((kind) => `'${kind}'`).join(', ');

/** The `sources` rows that are live sources (not file imports, not the demo), and changes to them. */
export class SourceRows {
  private readonly listRows;
  private readonly getRow;
  private readonly insertRow;
  private readonly renameRow;
  private readonly configRow;
  private readonly pauseRow;
  private readonly removeRow;
  private readonly receivedRow;

  constructor(private readonly db: Db) {
    this.listRows = db.prepare<[], SourceRow>(
      `SELECT * FROM sources WHERE kind IN (${KINDS}) AND removed_at IS NULL ORDER BY id`,
    );
    this.getRow = db.prepare<[number], SourceRow>(
      `SELECT * FROM sources WHERE id = ? AND kind IN (${KINDS}) AND removed_at IS NULL`,
    );
    this.insertRow = db.prepare<[string, string, string, number], { id: number }>(
      'INSERT INTO sources (kind, name, config, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    );
    this.renameRow = db.prepare<[string, number]>('UPDATE sources SET name = ? WHERE id = ?');
    // Settings that poll elsewhere start afresh: no cursor, and no backoff the old server asked for.
    this.configRow = db.prepare<[{ config: string; fresh: number; id: number }]>(
      `UPDATE sources SET config = @config, cursor = CASE WHEN @fresh THEN NULL ELSE cursor END,
         error_count = CASE WHEN @fresh THEN 0 ELSE error_count END,
         next_try_at = CASE WHEN @fresh THEN NULL ELSE next_try_at END,
         not_before = CASE WHEN @fresh THEN NULL ELSE not_before END
       WHERE id = @id`,
    );
    this.pauseRow = db.prepare<[number, number]>('UPDATE sources SET paused = ? WHERE id = ?');
    // Mentions refer to their source, so the row stays: paused, without settings or token, its name freed.
    this.removeRow = db.prepare<[number, number]>(
      `UPDATE sources SET paused = 1, removed_at = ?, config = '{}', cursor = NULL,
         name = name || ' (removed ' || id || ')' WHERE id = ?`,
    );
    this.receivedRow = db.prepare<[number, number]>(
      `UPDATE sources SET health = 'ok', last_success_at = ?, last_error = NULL WHERE id = ?`,
    );
  }

  list(): SourceRow[] {
    return this.listRows.all();
  }

  get(id: number): SourceRow {
    const row = this.getRow.get(id);
    if (!row) throw new WatchpostError('not_found', `there is no live source ${id} (it may have been removed)`);
    return row;
  }

  insert(kind: SourceKind, name: string, config: object, now = Date.now()): number {
    return this.unique(kind, name, () => this.insertRow.get(kind, name, JSON.stringify(config), now)!.id);
  }

  rename(row: SourceRow, name: string): void {
    if (name !== row.name) this.unique(row.kind, name, () => this.renameRow.run(name, row.id));
  }

  /** New settings; the cursor starts afresh when what is polled changed (another feed, another hashtag). */
  setConfig(id: number, config: object, resetCursor: boolean): void {
    this.configRow.run({ config: JSON.stringify(config), fresh: resetCursor ? 1 : 0, id });
  }

  setPaused(id: number, paused: boolean): void {
    this.pauseRow.run(paused ? 1 : 0, id);
  }

  remove(id: number, now = Date.now()): void {
    this.removeRow.run(now, id);
  }

  /** A webhook push arrived: that is this source's "last success". */
  received(id: number, now = Date.now()): void {
    this.receivedRow.run(now, id);
  }

  private unique<T>(kind: string, name: string, write: () => T): T {
    try {
      return write();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new WatchpostError('conflict', `there is already a ${kind} source called '${name}'; choose another name`);
      }
      throw err;
    }
  }
}

/** A row as Settings → Sources shows it; `poll` adds what only the scheduler knows. */
export function toLiveSource(row: SourceRow, poll: PollHealth | null): LiveSource {
  const config = parseConfig(row.config);
  const { tokenHash: _hidden, ...shown } = config;
  const interval = typeof config.intervalSeconds === 'number' ? config.intervalSeconds : null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    paused: row.paused === 1,
    health: row.health,
    lastSuccessAt: iso(row.last_success_at),
    lastError: row.last_error?.replace(NEXT_TRY, '') ?? null,
    nextCheckAt: row.paused === 1 ? null : iso(poll?.nextPollAt ?? null),
    checking: poll?.polling ?? false,
    intervalSeconds: interval,
    settings: publicSourceConfig(shown),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function parseConfig(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
