import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryWorkspace, type Db } from '../store/db';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { searchMentions } from './search';

let db: Db;
beforeEach(() => {
  db = openMemoryWorkspace();
});
afterEach(() => db.close());

const at = (minute: number) => Date.parse('2026-02-01T00:00:00Z') + minute * 60_000;

function store(from: number, count: number, minuteOf: (i: number) => number): void {
  storeMentions(
    db,
    Array.from({ length: count }, (_, i) =>
      sampleMention({ externalId: `s${from + i}`, text: `storing nummer ${from + i}`, createdAt: at(minuteOf(i)) }),
    ),
  );
}

describe('a search result list read from a snapshot', () => {
  it('keeps its pages exact while new and older mentions arrive', () => {
    store(0, 30, (i) => i * 10);
    const first = searchMentions(db, { query: 'storing', limit: 10 });
    expect(first).toMatchObject({ total: 30, maxId: 30 });
    // Newer posts and posts older than the page boundary arrive between two pages.
    store(100, 5, (i) => 1000 + i);
    store(200, 5, (i) => 150 + i);
    const second = searchMentions(db, { query: 'storing', limit: 10, offset: 10, maxId: first.maxId });
    const expected = Array.from({ length: 10 }, (_, i) => `storing nummer ${19 - i}`);
    expect(second.mentions.map((m) => m.text)).toEqual(expected);
    expect(second).toMatchObject({ total: 30, maxId: 30 });
    for (const sort of ['newest', 'relevance'] as const) {
      const fresh = searchMentions(db, { query: 'storing', limit: 50, sort });
      expect(fresh).toMatchObject({ total: 40, maxId: 40 });
    }
    const fields = searchMentions(db, { query: 'channel:x', limit: 50, maxId: 30 });
    expect(fields.total).toBe(30);
  });
});
