import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { JobInfo } from '../../../shared/api/events';
import type { ApiError } from '../../../shared/api/result';
import { Engine } from '../engine';
import type { ParsedMention } from '../ingest/formats/types';
import { ensureSource } from '../mentions/write';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { callEngine } from '../testing/workspace';

let engine: Engine;

beforeEach(() => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
});
afterEach(() => engine.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callEngine(engine, method, input);

async function refusal<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiError> {
  const result = await engine.dispatch(method, input);
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error;
}

const TEXTS = [
  'Storing op glasvezel in Woensel, al uren geen internet',
  'Lekker koffie bij het café op Stratumseind',
  'Weer een storing bij de trein #fail',
  'Wanneer wordt de glasvezel aangelegd?',
  'Mooi concert in het park',
];

function seed(count = TEXTS.length * 40): void {
  storeMentions(
    engine.db,
    Array.from({ length: count }, (_, i) =>
      sampleMention({
        externalId: `m${i}`,
        text: TEXTS[i % TEXTS.length] as string,
        channel: i % 2 === 0 ? 'x' : 'facebook',
        createdAt: Date.parse('2026-03-01T00:00:00Z') + i * 60_000,
      }),
    ),
  );
}

const taggedIds = (topicId: number): number[] =>
  engine.db
    .prepare<[number], number>('SELECT mention_id FROM mention_topics WHERE topic_id = ? ORDER BY mention_id')
    .pluck()
    .all(topicId);

async function searchIds(query: string): Promise<number[]> {
  const found = await call('mentions.search', { query, limit: 1000 });
  return found.mentions.map((m) => m.id).sort((a, b) => a - b);
}

describe('topics', () => {
  it('refuses a query with a mistake and says at which column, storing nothing', async () => {
    const error = await refusal('topics.save', { name: 'Glasvezel', query: 'glasvezel AND ', colour: '#2f6fde' });
    expect(error).toEqual({ code: 'invalid_input', message: 'query: column 14: expected a term after AND' });
    expect(await call('topics.list', {})).toEqual([]);
  });

  it('tags history in a background job with progress, exactly as the search finds', async () => {
    seed();
    const progress: number[] = [];
    engine.events.subscribe((event) => {
      if (event.name !== 'job.progress') return;
      const job = event.payload as JobInfo;
      if (job.kind === 'retag') progress.push(job.done);
    });
    const saved = await call('topics.save', { name: 'Glasvezel', query: 'glasvezel channel:x', colour: '#2F6FDE' });
    expect(saved.topic).toMatchObject({ name: 'Glasvezel', colour: '#2f6fde', mentions: 0 });
    expect(saved.retag).toMatchObject({ kind: 'retag', state: 'running' });
    await engine.jobs.idle();
    const job = (await call('jobs.list', {})).find((j) => j.id === saved.retag?.id);
    expect(job).toMatchObject({ state: 'done', done: 200, total: 200, result: { tagged: 40 } });
    expect(progress.length).toBeGreaterThan(0);
    expect(taggedIds(saved.topic.id)).toEqual(await searchIds('glasvezel channel:x'));
    expect((await call('topics.list', {}))[0]?.mentions).toBe(40);
  });

  it('re-tags when the query is edited: old tags go, new ones come; a new colour alone starts no job', async () => {
    seed();
    const { topic } = await call('topics.save', { name: 'Storing', query: 'storing', colour: '#2f6fde' });
    await engine.jobs.idle();
    expect(taggedIds(topic.id)).toEqual(await searchIds('storing'));
    const edited = await call('topics.save', { id: topic.id, name: 'Storing', query: '#fail', colour: '#2f6fde' });
    await engine.jobs.idle();
    expect(edited.retag).not.toBeNull();
    expect(taggedIds(topic.id)).toEqual(await searchIds('#fail'));
    expect(taggedIds(topic.id).length).toBeLessThan((await searchIds('storing')).length);
    const recoloured = await call('topics.save', {
      id: topic.id,
      name: 'Storingen',
      query: '#fail',
      colour: '#0f8b8d',
    });
    expect(recoloured.retag).toBeNull();
    expect(recoloured.topic).toMatchObject({ name: 'Storingen', colour: '#0f8b8d' });
  });

  it('restarts the running re-tag instead of starting a second one when saved again', async () => {
    seed();
    const first = await call('topics.save', { name: 'T', query: 'storing', colour: '#2f6fde' });
    const second = await call('topics.save', { id: first.topic.id, name: 'T', query: 'park', colour: '#2f6fde' });
    expect(second.retag?.id).toBe(first.retag?.id);
    await engine.jobs.idle();
    expect((await call('jobs.list', {})).filter((job) => job.kind === 'retag')).toHaveLength(1);
    expect(taggedIds(first.topic.id)).toEqual(await searchIds('park'));
  });

  it('tags new mentions as they arrive through the pipeline', async () => {
    const { topic } = await call('topics.save', { name: 'Trein', query: 'trein OR spoor', colour: '#2f6fde' });
    await engine.jobs.idle();
    const sourceId = ensureSource(engine.db, 'test', 'live');
    const parsed = (id: string, text: string): ParsedMention => {
      const { sourceId: _s, lang: _l, sentiment: _m, priority: _p, ...rest } = sampleMention({ externalId: id, text });
      return rest;
    };
    engine.pipeline.store(
      { sourceId, file: null },
      {
        mentions: [parsed('a', 'De trein rijdt niet'), parsed('b', 'Mooi weer'), parsed('c', 'Werk aan het spoor')],
        rejects: [],
        recordsRead: 3,
      },
    );
    const page = await call('mentions.list', {});
    const topicsOf = new Map(page.rows.map((row) => [row.text, row.topicIds]));
    expect(topicsOf.get('De trein rijdt niet')).toEqual([topic.id]);
    expect(topicsOf.get('Werk aan het spoor')).toEqual([topic.id]);
    expect(topicsOf.get('Mooi weer')).toEqual([]);
  });

  it('keeps storing mentions when a saved query no longer reads (written by an older version)', async () => {
    engine.db
      .prepare(
        "INSERT INTO topics (name, query, colour, created_at, updated_at) VALUES ('Oud', 'storing AND', '#2f6fde', 0, 0)",
      )
      .run();
    const { topic } = await call('topics.save', { name: 'Park', query: 'park', colour: '#2f6fde' });
    await engine.jobs.idle();
    const sourceId = ensureSource(engine.db, 'test', 'live');
    const {
      sourceId: _s,
      lang: _l,
      sentiment: _m,
      priority: _p,
      ...parsed
    } = sampleMention({
      externalId: 'p1',
      text: 'Storing in het park',
    });
    const counts = engine.pipeline.store({ sourceId, file: null }, { mentions: [parsed], rejects: [], recordsRead: 1 });
    expect(counts.imported).toBe(1);
    expect(taggedIds(topic.id)).toEqual([1]);
  });

  it('shows topic ids on list and search rows, and a second topic with the same name is a conflict', async () => {
    seed(10);
    const a = await call('topics.save', { name: 'Glasvezel', query: 'glasvezel', colour: '#2f6fde' });
    const b = await call('topics.save', { name: 'Internet', query: 'internet OR glasvezel', colour: '#0f8b8d' });
    await engine.jobs.idle();
    const found = await call('mentions.search', { query: 'woensel', limit: 5 });
    expect(found.mentions[0]?.topicIds).toEqual([a.topic.id, b.topic.id]);
    const conflict = await refusal('topics.save', { name: 'glasvezel', query: 'x', colour: '#2f6fde' });
    expect(conflict.code).toBe('conflict');
    expect(conflict.message).toBe("a topic named 'glasvezel' already exists: pick another name");
  });

  it('removes a topic with its tags, and writes every change to the audit log', async () => {
    seed();
    const { topic } = await call('topics.save', {
      name: 'Koffie',
      query: 'koffie',
      colour: '#2f6fde',
      operator: 'anna',
    });
    await engine.jobs.idle();
    expect(taggedIds(topic.id).length).toBe(40);
    expect(await call('topics.delete', { id: topic.id, operator: 'bram' })).toEqual({ deleted: true });
    expect(taggedIds(topic.id)).toEqual([]);
    expect(await call('topics.list', {})).toEqual([]);
    expect(await call('topics.delete', { id: topic.id })).toEqual({ deleted: false });
    const audit = engine.db.prepare('SELECT actor, action, entity_id FROM audit_log ORDER BY id').all();
    expect(audit).toEqual([
      { actor: 'anna', action: 'topic.create', entity_id: String(topic.id) },
      { actor: 'bram', action: 'topic.delete', entity_id: String(topic.id) },
    ]);
  });
});
