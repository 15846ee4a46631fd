import Database from 'better-sqlite3';
import { existsSync, mkdirSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import { WatchpostError } from '../../../shared/api/result';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export const DB_FILE = 'watchpost.db';

export interface OpenOptions {
  /** Open read-only (a second connection for heavy reads). */
  readonly?: boolean;
}

/** Prepares the data folder: creates it when missing, and fails with a sentence when it cannot be written. */
export function ensureDataDir(dataDir: string): string {
  const dir = path.resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new WatchpostError('unavailable', `the data folder ${dir} cannot be created or written (${reason})`);
  }
  return dir;
}

/**
 * Opens (and when needed creates and migrates) the workspace database in `dataDir`.
 * Refuses a database written by a newer Watchpost, and one that is not a SQLite file.
 */
export function openWorkspace(dataDir: string, options: OpenOptions = {}): Db {
  const dir = options.readonly ? path.resolve(dataDir) : ensureDataDir(dataDir);
  const file = path.join(dir, DB_FILE);
  if (options.readonly && !existsSync(file)) {
    throw new WatchpostError('not_found', `no workspace in ${dir} (${DB_FILE} is missing)`);
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false });
    db.pragma('journal_mode = WAL');
  } catch (err) {
    throw new WatchpostError('unavailable', `${file} cannot be opened as a Watchpost workspace: ${describe(err)}`);
  }
  try {
    configure(db);
    if (!options.readonly) migrate(db, file);
    else checkVersion(db, file);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** An in-memory workspace with the real migrations, for tests. */
export function openMemoryWorkspace(): Db {
  const db = new Database(':memory:');
  configure(db);
  migrate(db, ':memory:');
  return db;
}

function configure(db: Db): void {
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // Reads through a memory map: at 1M mentions an inbox page looks up rows scattered over the file, and each
  // lookup through read() cost 4–40 µs here (mostly system time); mapped, 3–7× less (first page p95 28 → 16 ms
  // CPU in bench/inbox-matrix.ts). Writes still go through SQLite's own I/O, so the WAL and crash safety are
  // unchanged. The map only reserves address space; pages are shared with the OS file cache. The cost: a disk
  // read error surfaces as a crash instead of an SQLite error, acceptable for a workspace on a local disk.
  db.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
}

/** How much of the database file is read through a memory map (SQLite caps it at its compile-time maximum). */
export const READ_MMAP_BYTES = 2 ** 31 - 2 ** 16;

function checkVersion(db: Db, file: string): number {
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    throw new WatchpostError('unavailable', `${file} is not a Watchpost workspace: ${describe(err)}`);
  }
  if (version > SCHEMA_VERSION) {
    throw new WatchpostError(
      'unavailable',
      `${file} was written by a newer Watchpost (schema ${version}; this version knows up to ${SCHEMA_VERSION}). ` +
        'Update Watchpost to open it; the file was not changed.',
    );
  }
  return version;
}

/** Applies the migrations newer than the database, each in its own transaction. */
export function migrate(db: Db, file: string, migrations: typeof MIGRATIONS = MIGRATIONS): void {
  const current = checkVersion(db, file);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (err) {
      throw new WatchpostError(
        'internal',
        `migration ${migration.version} (${migration.name}) failed on ${file}; nothing of it was applied: ${describe(err)}`,
      );
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
