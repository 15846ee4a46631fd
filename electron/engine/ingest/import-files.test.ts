import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analysis/index';
import { Engine } from '../engine';
import { JobCancelled } from '../jobs/runner';
import { verifyRollups } from '../trends/rollups';
import { importFiles, type ImportOptions } from './import-files';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'watchpost-import-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS = [
  'Weer storing bij de glasvezel in Woensel, al drie dagen geen internet 😡',
  'Hoe lang duurt het nog voor de lantaarnpaal in de Kruisstraat gemaakt wordt?',
  'Mooie avond op het Stratumseind, complimenten aan de organisatie!',
  'The new bike lanes are great, thanks for listening',
  'Is there anyone who knows why the bins were not collected again?',
  'Glasvezel werkt eindelijk, top service',
  'URGENT: brand bij de Markt, politie ter plaatse',
  '#kutweer 😡',
  'De vergadering over de wijkagenda is donderdag',
  'Still no response after two weeks. Unacceptable.',
];

/**
 * A spreadsheet export of `rows` rows. Every 7th row repeats an earlier row's id (a duplicate by the table's
 * unique key) and every 11th row an earlier row's link under a new id (a duplicate by the canonical URL).
 */
function writeExport(file: string, rows: number): { unique: number } {
  const lines = ['id,created_at,author,text,channel,url,reach'];
  const ids = new Set<string>();
  const urls = new Set<string>();
  let unique = 0;
  for (let i = 0; i < rows; i++) {
    const repeatId = i > 0 && i % 7 === 0;
    const repeatUrl = !repeatId && i > 0 && i % 11 === 0;
    const id = repeatId ? `m${i - 1}` : `m${i}`;
    const url = repeatUrl
      ? `https://x.com/user${(i - 1) % 50}/status/${i - 1}`
      : `https://x.com/user${i % 50}/status/${i}`;
    // What the store keeps: a row whose id and link are both new.
    if (!ids.has(id) && !urls.has(url)) {
      unique += 1;
      ids.add(id);
      urls.add(url);
    }
    const text = `${TEXTS[i % TEXTS.length]} (${i})`.replaceAll('"', '""');
    lines.push(`${id},2026-0${1 + (i % 9)}-1${i % 10}T12:00:00Z,user${i % 50},"${text}",x,${url},${(i * 37) % 20_000}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { unique };
}

const control = { progress: () => {}, checkpoint: () => new Promise<void>((resolve) => setImmediate(resolve)) };

interface Stored {
  external_id: string;
  lang: string;
  sentiment: string;
  sentiment_score: number;
  priority: number;
  url_key: string | null;
  topics: string | null;
}

/** A workspace with a lexicon word and a topic, so the worker must carry the workspace's analyzer and tags follow. */
async function openWorkspace(name: string): Promise<Engine> {
  const engine = Engine.open({ dataDir: path.join(dir, name), log: () => {} });
  const saved = await engine.dispatch('lexicon.save', { term: 'wijkagenda', weight: 4, operator: 'test' });
  expect(saved.ok).toBe(true);
  const topic = await engine.dispatch('topics.save', { name: 'Glasvezel', query: 'glasvezel', colour: '#2f6fde' });
  expect(topic.ok).toBe(true);
  await engine.jobs.idle();
  return engine;
}

async function importInto(name: string, file: string, options: ImportOptions) {
  const engine = await openWorkspace(name);
  const summary = await importFiles(engine.db, engine.pipeline, { files: [file], timeZone: 'UTC' }, control, options);
  const rows = engine.db
    .prepare(
      `SELECT m.external_id, m.lang, m.sentiment, m.sentiment_score, m.priority, m.url_key,
         (SELECT group_concat(topic_id) FROM mention_topics t WHERE t.mention_id = m.id) AS topics
       FROM mentions m ORDER BY m.external_id`,
    )
    .all() as Stored[];
  return { engine, summary, rows };
}

describe('importFiles', () => {
  it('enriches in its worker thread exactly as the engine thread does, with the workspace lexicon', async () => {
    const file = path.join(dir, 'same.csv');
    const { unique } = writeExport(file, 600);
    const here = await importInto('here', file, { worker: false, deferIndexing: false });
    const there = await importInto('there', file, { worker: true, deferIndexing: false });
    try {
      expect(there.summary).toMatchObject({ imported: unique, duplicates: 600 - unique, rejected: 0 });
      expect(here.summary).toMatchObject({ imported: unique, duplicates: 600 - unique, rejected: 0 });
      expect(there.rows).toEqual(here.rows);
      // The workspace's own word (+4) makes the meeting notice positive: the worker had the lexicon.
      const opinion = there.rows.find((row) => row.external_id === 'm8')!;
      const builtIn = createAnalyzer({ fallbackLanguage: 'nl' }).analyze(`${TEXTS[8]} (8)`).sentiment.label;
      expect(builtIn).not.toBe('positive');
      expect(opinion.sentiment).toBe('positive');
      expect(there.rows.filter((row) => row.topics !== null).length).toBeGreaterThan(50);
      expect(new Set(there.rows.map((row) => row.lang))).toEqual(new Set(['nl', 'en']));
    } finally {
      await here.engine.close();
      await there.engine.close();
    }
  }, 60_000);

  it('into an empty workspace with deferred indexes ends with the same mentions, tags, indexes and rollups', async () => {
    const file = path.join(dir, 'deferred.csv');
    const { unique } = writeExport(file, 2000);
    const plain = await importInto('plain', file, { worker: true, deferIndexing: false });
    const bulk = await importInto('bulk', file, { worker: true, deferIndexing: true });
    try {
      expect(bulk.summary).toMatchObject({ imported: unique, duplicates: 2000 - unique });
      expect(bulk.rows).toEqual(plain.rows);
      const schema = (engine: Engine) =>
        engine.db.prepare("SELECT type, name FROM sqlite_master WHERE tbl_name = 'mentions' ORDER BY name").all();
      expect(schema(bulk.engine)).toEqual(schema(plain.engine));
      const meta = bulk.engine.db.prepare(
        "SELECT key FROM workspace_meta WHERE key LIKE '%deferred%' OR key LIKE '%owed%' OR key LIKE '%fts_fill%'",
      );
      expect(meta.all()).toEqual([]);
      const found = (engine: Engine) =>
        engine.db.prepare("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'glasvezel'").pluck().get();
      expect(found(bulk.engine)).toBe(found(plain.engine));
      expect(found(bulk.engine)).toBeGreaterThan(0);
      expect(verifyRollups(bulk.engine.db).differences).toEqual([]);
    } finally {
      await plain.engine.close();
      await bulk.engine.close();
    }
  }, 120_000);

  it('stops at a cancel with a sound store, and a second run adds exactly what is missing', async () => {
    const file = path.join(dir, 'cancel.csv');
    const { unique } = writeExport(file, 3000);
    const engine = await openWorkspace('cancel');
    try {
      let turns = 0;
      const cancelling = {
        progress: () => {},
        checkpoint: async () => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (++turns >= 3) throw new JobCancelled();
        },
      };
      await expect(
        importFiles(engine.db, engine.pipeline, { files: [file], timeZone: 'UTC' }, cancelling, {
          worker: true,
          deferIndexing: true,
        }),
      ).rejects.toBeInstanceOf(JobCancelled);
      const kept = engine.db.prepare('SELECT count(*) FROM mentions').pluck().get() as number;
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(unique);
      expect(engine.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The indexes came back and what was kept is tagged.
      const deferred = engine.db.prepare("SELECT value FROM workspace_meta WHERE key = 'demo_deferred_indexing'");
      expect(deferred.get()).toBeUndefined();
      const tagged = engine.db.prepare('SELECT count(*) FROM mention_topics').pluck().get() as number;
      expect(tagged).toBeGreaterThan(0);

      const again = await importFiles(engine.db, engine.pipeline, { files: [file], timeZone: 'UTC' }, control, {
        worker: true,
      });
      expect(again.imported).toBe(unique - kept);
      expect(engine.db.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(unique);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it("reports a file the worker's parser refuses with the parser's own sentence", async () => {
    const file = path.join(dir, 'unmapped.csv');
    writeExport(file, 50);
    const engine = await openWorkspace('unmapped');
    try {
      const summary = await importFiles(
        engine.db,
        engine.pipeline,
        { files: [file], mapping: { text: 'bericht' } },
        control,
        { worker: true },
      );
      expect(summary.imported).toBe(0);
      expect(summary.files[0]?.error).toMatch(/^unmapped\.csv: no column is mapped to the time of a mention/);
    } finally {
      await engine.close();
    }
  }, 30_000);
});
