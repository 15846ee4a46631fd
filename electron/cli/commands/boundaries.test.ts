import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../engine/store/db';
import { sampleMention, storeMentions } from '../../engine/testing/fixtures';
import type { Io } from '../io';
import { runCli } from '../run';

describe('watchpost boundaries import', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('imports the CBS TopoJSON, places the mentions, and refuses a file of provinces with a reason', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'watchpost-boundaries-'));
    dirs.push(dir);
    const db = openWorkspace(dir);
    storeMentions(db, [
      { ...sampleMention({ externalId: '1', text: 'Druk op Stratumseind' }), author: null },
      { ...sampleMention({ externalId: '2', text: 'Geen plaats hier' }), author: null },
    ]);
    db.close();
    let out = '';
    let err = '';
    const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), interrupted: new Promise(() => {}) };
    const topo = path.resolve('../shared/reference/geo-nl/Gemeente_2015_layer_q1e3.json');
    expect(await runCli(['boundaries', 'import', topo, '--data', dir, '--operator', 'Anna'], io)).toBe(0);
    expect(out).toContain('imported 393 municipalities (66 in Noord-Brabant)');
    expect(out).toContain('1 of 2 mentions placed');
    const check = openWorkspace(dir);
    expect(check.prepare('SELECT place_code FROM mentions ORDER BY id').pluck().all()).toEqual(['GM0772', null]);
    expect(check.prepare(`SELECT actor FROM audit_log WHERE action = 'boundaries.import'`).pluck().get()).toBe('Anna');
    check.close();
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"PV30"},"geometry":null}]}',
    );
    expect(await runCli(['boundaries', 'import', bad, '--data', dir], io)).toBe(1);
    expect(err).toContain('bad.json: 1 of 1 features cannot be used: feature 1 has no municipality code');
  });
});
