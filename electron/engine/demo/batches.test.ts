import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../mentions/url';
import type { NewMention } from '../mentions/write';
import { type Db, openMemoryWorkspace } from '../store/db';
import { BatchPacker, BatchUnpacker, demoBatchesHere, demoBatchesInWorker, demoWorkerEntry } from './batches';
import { DEMO_CHUNK_SIZE, generateDemo } from './generate';
import { demoMentions } from './mentions';

const OPTIONS = { mentions: 3_500, years: 1, seed: 11, until: Date.parse('2026-03-06T21:30:00Z') };

/** A mention as the writer reads it: the author's stored fields only, the canonical URL key worked out. */
function asWritten(mention: NewMention): NewMention {
  const { author } = mention;
  return {
    ...mention,
    author: author && {
      handle: author.handle,
      displayName: author.displayName,
      followers: author.followers,
      location: author.location,
    },
    status: mention.status,
    assignee: mention.assignee ?? null,
    urlKey: mention.urlKey !== undefined ? mention.urlKey : canonicalUrl(mention.url),
  };
}

/** Every table the demo fills that a user could see, in one digest. */
function digest(db: Db): string {
  const hash = createHash('sha256');
  for (const table of [
    'mentions',
    'authors',
    'mention_topics',
    'replies',
    'mention_notes',
    'mention_tags',
    'audit_log',
  ]) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

describe('the demo made in a worker thread', () => {
  it('packs and unpacks every batch to exactly the mentions the writer would get', () => {
    const packer = new BatchPacker();
    const unpacker = new BatchUnpacker();
    const mentions = [...demoMentions(OPTIONS, 4).mentions];
    let authorsSent = 0;
    for (let from = 0; from < mentions.length; from += 700) {
      const batch = mentions.slice(from, from + 700);
      // Through a structured clone, as between threads.
      const packed = structuredClone(packer.pack(batch));
      authorsSent += packed.newAuthors.length / 4;
      expect(unpacker.unpack(packed)).toEqual(batch.map(asWritten));
    }
    // Each author crosses once per channel and handle, as the writer stores it once.
    const distinct = new Set(mentions.flatMap((m) => (m.author ? [`${m.channel} ${m.author.handle}`] : [])));
    expect(authorsSent).toBe(distinct.size);
  });

  it('yields the same batches in the same order as the stream made here', async () => {
    const entry = demoWorkerEntry();
    expect(entry).not.toBeNull();
    const here: NewMention[][] = [];
    for await (const batch of demoBatchesHere(OPTIONS, 4, 1_000)) here.push(batch.map(asWritten));
    const there: NewMention[][] = [];
    for await (const batch of demoBatchesInWorker(entry!, OPTIONS, 4, 1_000)) there.push(batch);
    expect(there.map((batch) => batch.length)).toEqual([1_000, 1_000, 1_000, 500]);
    expect(there).toEqual(here);
  });

  it('fills a workspace with the same rows, tags and team work as the demo made in one thread', async () => {
    const here = openMemoryWorkspace();
    const there = openMemoryWorkspace();
    // Full-text search used before the demo: its state must not outlive the index the worker built.
    expect(there.prepare(`SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'licht'`).get()).toEqual({
      n: 0,
    });
    const one = await generateDemo(here, OPTIONS, undefined, 'here');
    const two = await generateDemo(there, OPTIONS, undefined, 'worker');
    expect([one.took.prebuiltFullText, two.took.prebuiltFullText]).toEqual([false, true]);
    expect((there.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n).toBe(OPTIONS.mentions);
    expect(digest(there)).toBe(digest(here));
    // The full-text index the worker built is the one 'rebuild' builds, page for page.
    for (const table of ['mentions_fts_data', 'mentions_fts_idx', 'mentions_fts_docsize', 'mentions_fts_config']) {
      const rows = (db: Db) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
      expect(rows(there)).toEqual(rows(here));
    }
    expect(() => there.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')`)).not.toThrow();
  });

  it('stops the worker on a cancel and leaves a complete, consistent workspace, its scratch file gone', async () => {
    const db = openMemoryWorkspace();
    const before = new Set(readdirSync(tmpdir()));
    let checkpoints = 0;
    const control = {
      progress: () => {},
      checkpoint: async () => {
        if (++checkpoints === 2) throw new Error('cancelled');
      },
    };
    await expect(generateDemo(db, OPTIONS, control, 'worker')).rejects.toThrow('cancelled');
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('watchpost-demo-') && !before.has(name))).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n).toBe(2 * DEMO_CHUNK_SIZE);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => db.exec(`INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')`)).not.toThrow();
  });

  it('reports a failure inside the worker as an error, not a hang', async () => {
    const entry = demoWorkerEntry()!;
    // An endless period: the timeline cannot be allocated, inside the worker.
    const broken = { ...OPTIONS, years: Number.POSITIVE_INFINITY };
    const reading = (async () => {
      for await (const batch of demoBatchesInWorker(entry, broken, 4, 1_000)) void batch;
    })();
    await expect(reading).rejects.toThrow(/demo's worker thread/);
  });
});
