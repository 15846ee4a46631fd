import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ListMentionsInput } from '../../../shared/api/inbox';
import { MentionReader } from '../mentions/read';
import { MentionWriter, ensureSource, getMeta, setMeta } from '../mentions/write';
import { type Db, openMemoryWorkspace } from '../store/db';
import { deferIndexing, finishDeferredIndexing } from './bulk';
import { demoMentions } from './mentions';

const schemaOf = (db: Db): unknown[] =>
  db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`).all();
const found = (db: Db, words: string): number =>
  (db.prepare('SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH ?').get(words) as { n: number }).n;

function writeDemo(db: Db, mentions: number): void {
  const writer = new MentionWriter(db);
  const rows = [
    ...demoMentions(
      { mentions, years: 1, seed: 9, until: Date.parse('2026-03-01T12:00:00Z') },
      ensureSource(db, 'demo', 'test'),
    ).mentions,
  ];
  db.transaction(() => writer.write(rows))();
}

describe('deferred indexing for a demo in an empty workspace', () => {
  it('drops only non-unique indexes and the full-text insert trigger, and puts them back verbatim', async () => {
    const db = openMemoryWorkspace();
    const before = schemaOf(db);
    expect(deferIndexing(db)).toBe(true);
    const during = db
      .prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'mentions' AND sql IS NOT NULL`)
      .pluck()
      .all();
    expect(during).not.toContain('mentions_url_key');
    expect(during).not.toContain('mentions_created');
    expect(during).not.toContain('mentions_fts_insert');
    expect(during).toContain('mentions_fts_delete');

    writeDemo(db, 2_000);
    expect(found(db, 'kroegstraat')).toBe(0);
    expect(await finishDeferredIndexing(db)).toBe(0);
    expect(schemaOf(db)).toEqual(before);
    expect(found(db, 'kroegstraat')).toBeGreaterThan(100);
    expect(() => db.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')`)).not.toThrow();
  });

  it('lets the inbox page through the mentions while their indexes are away, in every desk order', async () => {
    const db = openMemoryWorkspace();
    deferIndexing(db);
    writeDemo(db, 1_500);
    const reader = new MentionReader(db);
    const pages = (filter: z.input<typeof ListMentionsInput>['filter']) =>
      (['newest', 'oldest', 'priority'] as const).map((sort) =>
        reader.list(ListMentionsInput.parse({ filter, sort, offset: 10, limit: 20 })).rows.map((row) => row.id),
      );
    // The working set is read along an index named in the SQL (INDEXED BY), which is dropped meanwhile.
    const during = [...pages({ status: ['new', 'open', 'waiting'] }), ...pages({})];
    await finishDeferredIndexing(db);
    expect(during).toEqual([...pages({ status: ['new', 'open', 'waiting'] }), ...pages({})]);
    expect(during.map((ids) => ids.length)).toEqual([20, 20, 20, 20, 20, 20]);
  });

  it('repairs a workspace a crash left half-indexed, and does nothing on a healthy one', async () => {
    const db = openMemoryWorkspace();
    const before = schemaOf(db);
    deferIndexing(db);
    writeDemo(db, 1_000);
    // The process died here: the marker is all that remembers what to rebuild.
    expect(getMeta(db, 'demo_deferred_indexing')).not.toBeNull();
    expect(await finishDeferredIndexing(db)).toBe(0);
    expect(schemaOf(db)).toEqual(before);
    expect(getMeta(db, 'demo_deferred_indexing')).toBeNull();
    expect(await finishDeferredIndexing(db)).toBeNull();
  });

  it('fills the full text in chunks that an interruption resumes, never indexing a mention twice', async () => {
    const db = openMemoryWorkspace();
    const before = schemaOf(db);
    deferIndexing(db);
    writeDemo(db, 5_000);
    // The last step fails (the process died there): the full text is filled and its trigger is back.
    await expect(
      finishDeferredIndexing(
        db,
        () => {
          throw new Error('killed');
        },
        { fullTextInChunks: true },
      ),
    ).rejects.toThrow('killed');
    expect(getMeta(db, 'demo_deferred_indexing')).not.toBeNull();
    expect(found(db, 'kroegstraat')).toBeGreaterThan(100);
    // A mention that arrives meanwhile is indexed by the trigger; finishing again adds nobody twice.
    const [late] = [
      ...demoMentions({ mentions: 1, years: 1, seed: 5, until: Date.parse('2026-03-02T12:00:00Z') }, 1).mentions,
    ];
    const writer = new MentionWriter(db);
    const late2 = { ...late!, externalId: 'late', url: null, text: 'Laat bericht over de zwembadsluiting' };
    expect(db.transaction(() => writer.write([late2]))().inserted).toBe(1);
    expect(found(db, 'zwembadsluiting')).toBe(1);
    const total = db.prepare('SELECT count(*) FROM mentions').pluck().get();
    expect(await finishDeferredIndexing(db)).toBe(0);
    expect(schemaOf(db)).toEqual(before);
    expect(getMeta(db, 'demo_fts_fill')).toBeNull();
    expect(db.prepare('SELECT count(*) FROM mentions_fts_docsize').pluck().get()).toBe(total);
    // rank 1: the full text is also compared with the mentions it indexes.
    expect(() => db.exec(`INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
  });

  it('resumes a full-text fill that a crash stopped half-way, from where its last chunk ended', async () => {
    const db = openMemoryWorkspace();
    const before = schemaOf(db);
    deferIndexing(db);
    writeDemo(db, 3_000);
    // What a fill leaves after its first chunks: the trigger back, mentions up to `through` in the full text.
    const saved = JSON.parse(getMeta(db, 'demo_deferred_indexing')!) as { name: string; sql: string }[];
    db.exec(saved.find((object) => object.name === 'mentions_fts_insert')!.sql);
    const upTo = db.prepare('SELECT max(id) FROM mentions').pluck().get() as number;
    db.prepare('INSERT INTO mentions_fts (rowid, text) SELECT id, text FROM mentions WHERE id <= 1200').run();
    setMeta(db, 'demo_fts_fill', JSON.stringify({ through: 1200, upTo }));
    expect(await finishDeferredIndexing(db)).toBe(0);
    expect(schemaOf(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM mentions_fts_docsize').pluck().get()).toBe(3_000);
    expect(() => db.exec(`INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
  });

  it('keeps the named indexes when asked (a file import), and puts the rest back', async () => {
    const db = openMemoryWorkspace();
    const before = schemaOf(db);
    expect(deferIndexing(db, { keepIndexes: ['mentions_created', 'mentions_url_key'] })).toBe(true);
    const during = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all();
    expect(during).toContain('mentions_created');
    expect(during).toContain('mentions_url_key');
    expect(during).not.toContain('mentions_priority');
    writeDemo(db, 500);
    expect(await finishDeferredIndexing(db)).toBe(0);
    expect(schemaOf(db)).toEqual(before);
  });

  it('keeps the first of two mentions with the same canonical URL, as the unique index would have', async () => {
    const db = openMemoryWorkspace();
    const before = schemaOf(db);
    deferIndexing(db);
    const sourceId = ensureSource(db, 'demo', 'test');
    const [first, second, third] = [
      ...demoMentions({ mentions: 3, years: 1, seed: 4, until: Date.parse('2026-03-01T12:00:00Z') }, sourceId).mentions,
    ];
    const sameUrl = { ...second!, externalId: 'another-id', url: first!.url };
    const writer = new MentionWriter(db);
    expect(db.transaction(() => writer.write([first!, sameUrl, third!]))()).toEqual({ inserted: 3, duplicates: 0 });

    expect(await finishDeferredIndexing(db)).toBe(1);
    expect(schemaOf(db)).toEqual(before);
    const kept = db.prepare('SELECT external_id FROM mentions ORDER BY id').pluck().all();
    expect(kept).toEqual([first!.externalId, third!.externalId]);
    expect(() => db.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')`)).not.toThrow();
  });

  it('leaves a workspace that already has mentions alone', () => {
    const db = openMemoryWorkspace();
    writeDemo(db, 100);
    const before = schemaOf(db);
    expect(deferIndexing(db)).toBe(false);
    expect(schemaOf(db)).toEqual(before);
  });
});
