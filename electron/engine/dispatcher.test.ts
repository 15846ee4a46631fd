import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { sampleMention, storeMentions } from './testing/fixtures';

let engine: Engine;
beforeEach(() => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
});
afterEach(() => engine.close());

describe('the dispatcher', () => {
  it('answers an unknown method with unknown_method', async () => {
    const result = await engine.dispatch('mentions.delete_everything', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'there is no method "mentions.delete_everything"' },
    });
  });

  it('does not treat inherited object keys as methods', async () => {
    const result = await engine.dispatch('constructor', {});
    expect(result.ok === false && result.error.code).toBe('unknown_method');
  });

  it('rejects invalid input with invalid_input and names the field', async () => {
    const result = await engine.dispatch('mentions.list', { limit: 5000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^mentions\.list: limit: /);
  });

  it('names a nested field and refuses unknown fields', async () => {
    const nested = await engine.dispatch('mentions.list', { filter: { status: ['sleeping'] } });
    expect(!nested.ok && nested.error.message).toMatch(/filter\.status\.0/);
    const unknown = await engine.dispatch('mentions.list', { limt: 5 });
    expect(!unknown.ok && unknown.error.message).toMatch(/limt/);
  });

  it('returns a not_found error with a sentence for a missing mention', async () => {
    const result = await engine.dispatch('mentions.get', { id: 999 });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'mention 999 does not exist' } });
  });

  it('lists mentions newest first with the total, and pages through them', async () => {
    storeMentions(
      engine.db,
      Array.from({ length: 250 }, (_, i) =>
        sampleMention({ externalId: String(i), createdAt: Date.parse('2026-01-01T00:00:00Z') + i * 60_000 }),
      ),
    );
    const first = await engine.dispatch('mentions.list', { limit: 100 });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const page = first.value as { total: number; rows: { createdAt: string; author: { handle: string } }[] };
    expect(page.total).toBe(250);
    expect(page.rows).toHaveLength(100);
    expect(page.rows[0]?.createdAt).toBe('2026-01-01T04:09:00.000Z');
    expect(page.rows[0]?.author.handle).toBe('inwoner');
    const last = await engine.dispatch('mentions.list', { offset: 200, limit: 100 });
    expect(last.ok && (last.value as { rows: unknown[] }).rows).toHaveLength(50);
    expect(last.ok && (last.value as { maxId: number }).maxId).toBe(250);
    // a view's snapshot leaves out what arrived after it was taken
    const snapshot = await engine.dispatch('mentions.list', { filter: { maxId: 100 } });
    expect(snapshot.ok && (snapshot.value as { total: number }).total).toBe(100);
  });

  it('filters by status and channel with bound values', async () => {
    storeMentions(engine.db, [
      sampleMention({ externalId: '1', channel: 'x', status: 'new' }),
      sampleMention({ externalId: '2', channel: 'facebook', status: 'resolved' }),
      sampleMention({ externalId: '3', channel: 'facebook', status: 'new' }),
    ]);
    const result = await engine.dispatch('mentions.list', { filter: { status: ['new'], channel: ['facebook'] } });
    expect(result.ok && (result.value as { total: number }).total).toBe(1);
  });

  it('searches with the query language, ignoring accents, and names the column of a mistake', async () => {
    storeMentions(engine.db, [
      sampleMention({ externalId: '1', text: 'Lekker terras bij het café' }),
      sampleMention({ externalId: '2', text: 'Storing glasvezel Veldhoven' }),
    ]);
    const cafe = await engine.dispatch('mentions.search', { query: 'cafe' });
    expect(cafe.ok && (cafe.value as { total: number }).total).toBe(1);
    const either = await engine.dispatch('mentions.search', { query: 'cafe OR glasvezel NOT channel:facebook' });
    expect(either.ok && (either.value as { total: number }).total).toBe(2);
    const mistake = await engine.dispatch('mentions.search', { query: 'storing AND' });
    expect(mistake).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/column \d+: /) },
    });
  });

  it('reports workspace figures for the status bar', async () => {
    storeMentions(engine.db, [
      sampleMention({ externalId: '1', status: 'new' }),
      sampleMention({ externalId: '2', status: 'resolved', createdAt: Date.parse('2026-11-02T08:00:00Z') }),
    ]);
    const result = await engine.dispatch('workspace.stats', {});
    expect(result).toMatchObject({
      ok: true,
      value: { mentions: 2, unread: 1, newestMentionAt: '2026-11-02T08:00:00.000Z', sources: 1 },
    });
  });
});
