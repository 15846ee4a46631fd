import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reference, spawnWatchpost, watchpost } from './cli-run';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'watchpost-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openReadonly(data: string) {
  return new Database(path.join(data, 'watchpost.db'), { readonly: true });
}

// Each test spawns the CLI from its TypeScript sources (twice in some): on a busy 2-core machine that alone
// can take tens of seconds, so these have a longer guard than the suite's 30 s.
describe('watchpost import', { timeout: 120_000 }, () => {
  it('imports an X archive once: the second run adds nothing', () => {
    const data = path.join(dir, 'x');
    const file = reference('social/twitter/tweets.js.excerpt_first6.js');
    const first = watchpost(['import', file, '--data', data, '--json']);
    expect(first.status, first.stderr).toBe(0);
    const counts = JSON.parse(first.stdout);
    expect(counts).toMatchObject({ imported: 6, duplicates: 0, rejected: 0, rejects: [] });
    const second = JSON.parse(watchpost(['import', file, '--data', data, '--json']).stdout);
    expect(second).toMatchObject({ imported: 0, duplicates: 6, rejected: 0 });
    const db = openReadonly(data);
    const texts = db.prepare("SELECT text, lang, sentiment FROM mentions WHERE channel = 'x'").all() as {
      text: string;
      lang: string;
      sentiment: string;
    }[];
    db.close();
    expect(texts).toHaveLength(6);
    expect(texts.every((row) => !/&amp;|&lt;|&gt;/.test(row.text))).toBe(true);
    expect(texts.every((row) => ['nl', 'en', 'other'].includes(row.lang) && row.sentiment)).toBe(true);
  });

  it('repairs the mojibake of a Facebook export', () => {
    const data = path.join(dir, 'fb');
    const result = watchpost(['import', reference('social/facebook/your_posts_1.json'), '--data', data, '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).imported).toBeGreaterThan(0);
    const db = openReadonly(data);
    const text = db.prepare("SELECT group_concat(text, ' ') FROM mentions").pluck().get() as string;
    db.close();
    expect(text).not.toMatch(/Ã¸|Ã¥|Ã¦/);
  });

  it('keeps rejected rows with their reasons and imports the rest', () => {
    const data = path.join(dir, 'csv');
    const file = path.join(dir, 'export.csv');
    writeFileSync(
      file,
      'id;datum;auteur;bericht;kanaal\n' +
        '1;05-03-2024 14:30;@piet;Storing glasvezel in Best;x\n' +
        '2;31-13-2024 10:00;@kees;Datum klopt niet;x\n' +
        '3;06-03-2024 09:15;@anna;;facebook\n' +
        '4;07-03-2024 22:45;@joke;Mooie avond op het Stratumseind;instagram\n',
    );
    const result = watchpost(['import', file, '--data', data, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const counts = JSON.parse(result.stdout);
    expect(counts).toMatchObject({ imported: 2, rejected: 2 });
    expect(counts.rejects.map((reject: { record: number }) => reject.record)).toEqual([3, 4]);
    expect(counts.rejects[0].reason).toMatch(/31-13-2024/);
    watchpost(['import', file, '--data', data, '--json']);
    const db = openReadonly(data);
    expect(db.prepare('SELECT count(*) FROM rejected_records').pluck().get()).toBe(2);
    db.close();
  });

  it('exits 1 with a sentence when a file cannot be read at all', () => {
    const missing = watchpost(['import', path.join(dir, 'nope.csv'), '--data', path.join(dir, 'missing'), '--json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv does not exist or cannot be read/);
    const binary = path.join(dir, 'image.bin');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255, 254, 0, 0, 7]));
    const unknown = watchpost(['import', binary, '--data', path.join(dir, 'missing')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout + unknown.stderr).toMatch(/format could not be recognised; name it with --format/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it('survives being killed mid-import: the store stays sound and a re-run completes the count exactly', async () => {
    const rows = 150_000;
    const file = path.join(dir, 'big.csv');
    const lines = ['id,created_at,author,text,channel'];
    for (let i = 0; i < rows; i++) {
      lines.push(
        `${i},2025-0${1 + (i % 9)}-1${i % 10}T12:00:00Z,user${i % 997},"Bericht ${i} over de straatverlichting, ""heel"" goed",x`,
      );
    }
    writeFileSync(file, lines.join('\n'));
    const data = path.join(dir, 'crash');

    const child = spawnWatchpost(['import', file, '--data', data]);
    const dbFile = path.join(data, 'watchpost.db');
    let committed = 0;
    for (let i = 0; i < 600 && committed === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      try {
        const db = new Database(dbFile, { readonly: true, fileMustExist: true });
        committed = db.prepare('SELECT count(*) FROM mentions').pluck().get() as number;
        db.close();
      } catch {
        // not created yet
      }
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(committed).toBeGreaterThan(0);

    const check = new Database(dbFile);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const afterCrash = check.prepare('SELECT count(*) FROM mentions').pluck().get() as number;
    check.close();
    expect(afterCrash).toBeLessThan(rows);

    const rerun = watchpost(['import', file, '--data', data, '--json']);
    expect(rerun.status, `signal ${rerun.signal}; stderr: ${rerun.stderr}; stdout: ${rerun.stdout.slice(0, 500)}`).toBe(
      0,
    );
    const final = new Database(dbFile, { readonly: true });
    expect(final.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(rows);
    expect(
      final.prepare("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'straatverlichting'").pluck().get(),
    ).toBe(rows);
    final.close();
  }, 240_000);
});
