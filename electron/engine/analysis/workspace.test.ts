import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SentimentLabel } from '../../../shared/domain/mention';
import { Engine } from '../engine';
import type { ParsedMention } from '../ingest/formats/types';
import { ensureSource } from '../mentions/write';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { callEngine } from '../testing/workspace';

const engines: Engine[] = [];
const folders: string[] = [];

function open(dataDir = ':memory:'): Engine {
  const engine = Engine.open({ dataDir, log: () => {} });
  engines.push(engine);
  return engine;
}

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const call = callEngine;

/** Imports texts through the real pipeline (analysis, priority, topics) and answers their ids, in order. */
function ingest(engine: Engine, texts: string[], reach = 50): number[] {
  const sourceId = ensureSource(engine.db, 'test', 'live');
  const before = engine.db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck().get() ?? 0;
  const mentions = texts.map((text, i): ParsedMention => {
    const {
      sourceId: _s,
      lang: _l,
      sentiment: _m,
      priority: _p,
      ...parsed
    } = sampleMention({
      externalId: `p${before + i}`,
      text,
      reach,
      author: { handle: `a${before + i}`, displayName: null, followers: reach, location: null },
    });
    return parsed;
  });
  engine.pipeline.store({ sourceId, file: null }, { mentions, rejects: [], recordsRead: texts.length });
  return texts.map((_, i) => before + i + 1);
}

const sentimentOf = (engine: Engine, id: number) =>
  engine.db
    .prepare<[number], { sentiment: SentimentLabel | null; sentiment_label: SentimentLabel | null; priority: number }>(
      'SELECT sentiment, sentiment_label, priority FROM mentions WHERE id = ?',
    )
    .get(id);

describe('the workspace lexicon', () => {
  it('applies a new word to new mentions at once and to history through a re-score job', async () => {
    const engine = open();
    const [old] = ingest(engine, ['Vandaag komt de glasvezel in onze straat']);
    expect(sentimentOf(engine, old!)?.sentiment).toBe('neutral');
    const changed = await call(engine, 'lexicon.save', { term: '  Glasvezel ', weight: 3, operator: 'anna' });
    expect(changed.entries).toMatchObject([{ term: 'glasvezel', weight: 3, updatedBy: 'anna' }]);
    expect(changed.rescore).toMatchObject({ kind: 'rescore', state: 'running' });
    const [fresh] = ingest(engine, ['Morgen komt de glasvezel in de wijk']);
    expect(sentimentOf(engine, fresh!)?.sentiment).toBe('positive');
    await engine.jobs.idle();
    expect(sentimentOf(engine, old!)?.sentiment).toBe('positive');
    const job = (await call(engine, 'jobs.list', {})).find((j) => j.kind === 'rescore');
    expect(job).toMatchObject({ state: 'done', done: 2, total: 2 });
  });

  it('keeps corrections when history is re-scored, and re-scores again when the word is removed', async () => {
    const engine = open();
    const [a, b] = ingest(engine, ['Weer een storing in Woensel', 'Ook een storing in Strijp']);
    await call(engine, 'mentions.correctSentiment', { id: a!, label: 'neutral', operator: 'anna' });
    await call(engine, 'lexicon.save', { term: 'storing', weight: 0, operator: 'anna' });
    await engine.jobs.idle();
    expect(sentimentOf(engine, b!)?.sentiment).toBe('neutral');
    await call(engine, 'lexicon.save', { term: 'storing', weight: -3, operator: 'anna' });
    await engine.jobs.idle();
    expect(sentimentOf(engine, b!)?.sentiment).toBe('negative');
    expect(sentimentOf(engine, a!)).toMatchObject({ sentiment: 'neutral', sentiment_label: 'negative' });
    const removed = await call(engine, 'lexicon.delete', { term: 'STORING', operator: 'bram' });
    expect(removed.entries).toEqual([]);
    const actions = engine.db.prepare<[], string>("SELECT action FROM audit_log WHERE entity = 'lexicon'").pluck();
    expect(actions.all()).toEqual(['lexicon.add', 'lexicon.update', 'lexicon.delete']);
  });

  it('refuses weights beyond ±4 and entries that are not words', async () => {
    const engine = open();
    const heavy = await engine.dispatch('lexicon.save', { term: 'ramp', weight: 5 });
    expect(!heavy.ok && heavy.error.message).toBe('lexicon.save: weight: a weight is at most +4 (extremely positive)');
    const odd = await engine.dispatch('lexicon.save', { term: 'storing!!', weight: -2 });
    expect(!odd.ok && odd.error.message).toMatch(/^lexicon\.save: term: a lexicon entry has letters, digits/);
  });
});

describe('sentiment corrections', () => {
  it('counts the corrected label, keeps who/when/old → new, and survives reopening the workspace', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'watchpost-corrections-'));
    folders.push(folder);
    const engine = open(folder);
    const [id] = ingest(engine, ['Wat een prachtige dag in het park'], 50_000);
    expect(sentimentOf(engine, id!)?.sentiment).toBe('positive');
    const before = sentimentOf(engine, id!)!.priority;
    const explained = await call(engine, 'mentions.correctSentiment', { id: id!, label: 'negative', operator: 'anna' });
    expect(explained.sentiment).toMatchObject({ label: 'negative', automatic: 'positive', override: 'negative' });
    expect(explained.corrections).toMatchObject([{ operator: 'anna', from: 'positive', to: 'negative' }]);
    expect(explained.priority.factors.map((f) => f.factor)).toContain('negative');
    expect(sentimentOf(engine, id!)?.priority).toBeGreaterThan(before);
    const negative = await call(engine, 'mentions.search', { query: 'sentiment:negative', limit: 5 });
    expect(negative.mentions.map((m) => m.id)).toEqual([id]);
    await engine.close();

    const reopened = open(folder);
    expect((await call(reopened, 'mentions.get', { id: id! })).sentiment).toBe('negative');
    const reset = await call(reopened, 'mentions.correctSentiment', { id: id!, label: null, operator: 'bram' });
    expect(reset.sentiment.label).toBe('positive');
    expect(reset.corrections.map((c) => [c.operator, c.from, c.to])).toEqual([
      ['bram', 'negative', null],
      ['anna', 'positive', 'negative'],
    ]);
    const audit = reopened.db.prepare("SELECT actor, action FROM audit_log WHERE entity = 'mention' ORDER BY id").all();
    expect(audit).toEqual([
      { actor: 'anna', action: 'sentiment.correct' },
      { actor: 'bram', action: 'sentiment.reset' },
    ]);
  });

  it('learns from corrections: new mentions like the corrected ones get the operators’ label', async () => {
    const engine = open();
    const praise = ['Wat een prachtige dag', 'Mooi concert gisteren', 'Heerlijk weer in het park', 'Top geregeld'];
    // This workspace's operators read every "update" from the network operator as bad news.
    const updates = Array.from({ length: 12 }, (_, i) => `Netbeheer update ${i}: werkzaamheden in wijk ${i}`);
    const ids = ingest(engine, [...updates, ...praise]);
    const probe = 'Netbeheer update: werkzaamheden in de binnenstad';
    expect((await call(engine, 'analysis.analyze', { texts: [probe] }))[0]?.sentiment.label).toBe('neutral');
    for (const [i, id] of ids.entries()) {
      const label = i < updates.length ? 'negative' : 'positive';
      await call(engine, 'mentions.correctSentiment', { id, label, operator: 'anna' });
    }
    engine.analysis.flush();
    expect(await call(engine, 'analysis.model', {})).toMatchObject({ corrections: 16, trainedOn: 16, active: true });
    expect((await call(engine, 'analysis.analyze', { texts: [probe] }))[0]?.sentiment.label).toBe('negative');
    const [fresh] = ingest(engine, [probe]);
    expect(sentimentOf(engine, fresh!)?.sentiment).toBe('negative');
    const stored = engine.db.prepare<[], number>('SELECT examples FROM sentiment_model').pluck().get();
    expect(stored).toBe(16);
  });
});

describe('explaining a mention', () => {
  it('names the words that counted and the priority factors with their evidence', async () => {
    const engine = open();
    const [id] = ingest(engine, ['Waarom is de storing nog steeds niet opgelost? Echt belachelijk'], 20_000);
    const explained = await call(engine, 'mentions.explain', { id: id! });
    expect(explained.sentiment.label).toBe('negative');
    expect(explained.sentiment.hits.map((h) => h.text.toLowerCase())).toContain('belachelijk');
    expect(explained.sentiment.hits.every((h) => h.valence !== 0)).toBe(true);
    const factors = Object.fromEntries(explained.priority.factors.map((f) => [f.factor, f.evidence]));
    expect(factors).toMatchObject({ question: 'waarom', complaint: 'storing', reach: '20000 followers' });
    expect(explained.priority.score).toBe(sentimentOf(engine, id!)?.priority);
    expect(explained.priority.stored).toBe(explained.priority.score);
    expect(explained.corrections).toEqual([]);
  });

  it('tells apart what is stored (by older rules or a demo) from what the analysis says now', async () => {
    const engine = open();
    storeMentions(engine.db, [
      sampleMention({
        externalId: 'old',
        text: 'Wat een prachtig park',
        sentiment: { label: 'negative', score: -0.4 },
        priority: 99,
      }),
    ]);
    const explained = await call(engine, 'mentions.explain', { id: 1 });
    expect(explained.sentiment).toMatchObject({ label: 'negative', automatic: 'negative', now: { label: 'positive' } });
    expect(explained.priority.stored).toBe(99);
    expect(explained.priority.score).toBeLessThan(99);
  });
});
