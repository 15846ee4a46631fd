import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type Db } from '../db';
import { MIGRATIONS } from './index';
import { searchMentions } from '../../search/search';
import { sampleMention, storeMentions } from '../../testing/fixtures';

function workspaceAt(version: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    ':memory:',
    MIGRATIONS.filter((m) => m.version <= version),
  );
  return db;
}

const schemaOf = (db: Db, type: string) =>
  db
    .prepare('SELECT name FROM sqlite_schema WHERE type = ? AND tbl_name = ? ORDER BY name')
    .pluck()
    .all(type, 'mentions') as string[];

describe('migration 5 (inbox) on a populated workspace', () => {
  it('keeps every mention, its topics, corrections and full-text search, and allows spam', () => {
    const db = workspaceAt(4);
    storeMentions(
      db,
      Array.from({ length: 300 }, (_, i) =>
        sampleMention({
          externalId: `m${i}`,
          text: i % 3 === 0 ? `storing nummer ${i} in Woensel` : `mooi concert ${i}`,
          createdAt: Date.parse('2026-01-01T00:00:00Z') + i * 60_000,
          status: (['new', 'open', 'resolved'] as const)[i % 3],
        }),
      ),
    );
    db.prepare(
      "INSERT INTO topics (name, query, colour, created_at, updated_at) VALUES ('s', 'storing', '#2f6fde', 0, 0)",
    ).run();
    db.prepare(
      "INSERT INTO mention_topics (mention_id, topic_id) SELECT id, 1 FROM mentions WHERE text LIKE 'storing%'",
    ).run();
    db.prepare("UPDATE mentions SET sentiment_override = 'positive' WHERE id = 4").run();
    db.prepare(
      "INSERT INTO sentiment_corrections (mention_id, at, operator, old_label, new_label) VALUES (4, 1, 'Anna', 'negative', 'positive')",
    ).run();
    const before = db
      .prepare(
        'SELECT id, channel, external_id, text, status, sentiment, priority, created_at FROM mentions ORDER BY id',
      )
      .all();
    const indexesBefore = schemaOf(db, 'index');
    const triggersBefore = schemaOf(db, 'trigger');

    migrate(
      db,
      ':memory:',
      MIGRATIONS.filter((m) => m.version <= 5),
    );

    expect(
      db
        .prepare(
          'SELECT id, channel, external_id, text, status, sentiment, priority, created_at FROM mentions ORDER BY id',
        )
        .all(),
    ).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM mention_topics').pluck().get()).toBe(100);
    expect(db.prepare('SELECT operator FROM sentiment_corrections WHERE mention_id = 4').pluck().get()).toBe('Anna');
    expect(db.prepare('SELECT sentiment FROM mentions WHERE id = 4').pluck().get()).toBe('positive');
    // every index and trigger of migrations 1–4 is back, plus the inbox's
    const indexesAfter = schemaOf(db, 'index');
    for (const name of indexesBefore) expect(indexesAfter).toContain(name);
    expect(indexesAfter).toContain('mentions_priority');
    expect(schemaOf(db, 'trigger')).toEqual(triggersBefore);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // full text still finds the old mentions, and keeps following inserts, updates and deletes
    expect(searchMentions(db, { query: 'storing', limit: 500 }).total).toBe(100);
    storeMentions(db, [sampleMention({ externalId: 'new1', text: 'nieuwe storing vandaag' })]);
    expect(searchMentions(db, { query: 'storing', limit: 500 }).total).toBe(101);
    db.prepare("UPDATE mentions SET text = 'helemaal goed' WHERE id = 1").run();
    expect(searchMentions(db, { query: 'storing', limit: 500 }).total).toBe(100);
    db.prepare('DELETE FROM mentions WHERE id = 4').run();
    expect(searchMentions(db, { query: 'storing', limit: 500 }).total).toBe(99);
    expect(db.prepare('SELECT count(*) FROM mention_topics').pluck().get()).toBe(99); // the cascade still works

    db.prepare("UPDATE mentions SET status = 'spam' WHERE id = 2").run();
    expect(() => db.prepare("UPDATE mentions SET status = 'junk' WHERE id = 2").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT version, resolved_at, first_response_at FROM mentions WHERE id = 3').get()).toEqual({
      version: 0,
      resolved_at: null,
      first_response_at: null,
    });
    expect(db.prepare('SELECT name FROM saved_views ORDER BY position').pluck().all()).toEqual([
      'Mijn open berichten',
      'Negatief en veel bereik',
    ]);
  });
});
