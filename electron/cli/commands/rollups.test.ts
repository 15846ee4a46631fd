import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../engine/store/db';
import { fill, mixedChanges } from '../../engine/trends/trends.testkit';
import type { Io } from '../io';
import { runCli } from '../run';

describe('watchpost rollups', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('--verify exits 0 on a consistent workspace and 1, listing the difference, on a broken one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'watchpost-rollups-'));
    dirs.push(dir);
    const db = openWorkspace(dir);
    fill(db, 500, 4);
    mixedChanges(db, 500);
    db.close();
    let out = '';
    const io: Io = { out: (t) => void (out += t), err: () => {}, interrupted: new Promise(() => {}) };
    expect(await runCli(['rollups', '--verify', '--data', dir], io)).toBe(0);
    const broken = openWorkspace(dir);
    broken
      .prepare('UPDATE rollup_month SET negative = negative + 2 WHERE bucket = (SELECT max(bucket) FROM rollup_month)')
      .run();
    broken.close();
    out = '';
    expect(await runCli(['rollups', '--verify', '--data', dir], io)).toBe(1);
    expect(out).toContain('rollup_month');
    expect(out).toContain('negative');
    expect(await runCli(['rollups', '--rebuild', '--data', dir], io)).toBe(0);
    out = '';
    expect(await runCli(['rollups', '--verify', '--data', dir], io)).toBe(0);
    expect(out).not.toContain('not counted into the term rollup');
  });

  it('--verify checks the term rollup too, and reports mentions it has not counted yet', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'watchpost-rollups-'));
    dirs.push(dir);
    const db = openWorkspace(dir);
    fill(db, 300, 5);
    db.close();
    let out = '';
    const io: Io = { out: (t) => void (out += t), err: () => {}, interrupted: new Promise(() => {}) };
    expect(await runCli(['rollups', '--verify', '--data', dir], io)).toBe(0);
    expect(out).toContain('300 newest mentions are not counted into the term rollup yet');
    expect(await runCli(['rollups', '--rebuild', '--data', dir], io)).toBe(0);
    const broken = openWorkspace(dir);
    expect(broken.prepare('SELECT count(*) FROM term_month').pluck().get()).toBeGreaterThan(0);
    broken.prepare('UPDATE term_month SET n = n + 1 WHERE bucket = (SELECT max(bucket) FROM term_month)').run();
    broken.close();
    out = '';
    expect(await runCli(['rollups', '--verify', '--data', dir], io)).toBe(1);
    expect(out).toMatch(/term_month \[\d+\|\S+\] n: stored \d+, expected \d+/);
    expect(await runCli(['rollups', '--rebuild', '--data', dir], io)).toBe(0);
    expect(await runCli(['rollups', '--verify', '--data', dir], io)).toBe(0);
  });
});
