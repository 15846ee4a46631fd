import { mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, migrate, openMemoryWorkspace, openWorkspace } from './db';
import { SCHEMA_VERSION } from './migrations';
import { sampleMention, storeMentions } from '../testing/fixtures';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'watchpost-db-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the workspace store', () => {
  it('creates a new workspace with WAL, foreign keys and every migration applied', () => {
    const dir = tempDir();
    const db = openWorkspace(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['mentions', 'authors', 'sources', 'rejected_records', 'audit_log', 'mentions_fts']),
    );
    db.close();
  });

  it('opens an existing workspace again without re-running migrations and keeps its rows', () => {
    const dir = tempDir();
    const first = openWorkspace(dir);
    storeMentions(first, [sampleMention({ externalId: '1' })]);
    first.close();
    const again = openWorkspace(dir);
    expect(again.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(1);
    again.close();
  });

  it('refuses a database written by a newer Watchpost and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    const future = new Database(file);
    future.exec('CREATE TABLE future_things (x)');
    future.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    future.close();
    expect(() => openWorkspace(dir)).toThrow(/newer Watchpost \(schema \d+; this version knows up to \d+\)/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'mentions'").pluck().get()).toBe(0);
    check.close();
  });

  it('explains a file that is not a database instead of crashing', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, DB_FILE), 'this is not sqlite, just some text that fills the header '.repeat(20));
    expect(() => openWorkspace(dir)).toThrow(/cannot be opened as a Watchpost workspace|not a Watchpost workspace/);
  });

  it('names a data folder that cannot be written', () => {
    if (process.getuid?.() === 0) {
      // root can write anywhere; a path under a regular file can never be created
      const file = path.join(tempDir(), 'a-file');
      writeFileSync(file, 'x');
      expect(() => openWorkspace(path.join(file, 'workspace'))).toThrow(/data folder .* cannot be created or written/);
      return;
    }
    const dir = tempDir();
    chmodSync(dir, 0o500);
    expect(() => openWorkspace(path.join(dir, 'sub'))).toThrow(/data folder .* cannot be created or written/);
  });

  it('rolls a failing migration back completely and keeps the ones before it', () => {
    const db = new Database(':memory:');
    const migrations = [
      { version: 1, name: 'good', sql: 'CREATE TABLE good (x)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x); THIS IS NOT SQL' },
    ];
    expect(() => migrate(db, ':memory:', migrations)).toThrow(
      /migration 2 \(broken\) failed .* nothing of it was applied/,
    );
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(['good']);
  });

  it('keeps one mention per channel and external id, and finds text without diacritics', () => {
    const db = openMemoryWorkspace();
    const first = storeMentions(db, [
      sampleMention({ externalId: '1', text: 'Gezellig café aan het Stratumseind' }),
      sampleMention({ externalId: '2', text: 'Glasvezel in Brabant' }),
    ]);
    const second = storeMentions(db, [sampleMention({ externalId: '1', text: 'Gezellig café aan het Stratumseind' })]);
    expect(first).toEqual({ inserted: 2, duplicates: 0 });
    expect(second).toEqual({ inserted: 0, duplicates: 1 });
    const hits = db.prepare("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'cafe'").pluck().all();
    expect(hits).toHaveLength(1);
  });

  it('counts an operator correction as the effective sentiment', () => {
    const db = openMemoryWorkspace();
    storeMentions(db, [sampleMention({ externalId: '1', sentiment: { label: 'negative', score: -0.4 } })]);
    db.prepare("UPDATE mentions SET sentiment_override = 'positive'").run();
    expect(db.prepare('SELECT sentiment FROM mentions').pluck().get()).toBe('positive');
  });
});
