import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Io } from '../io';
import { runCli } from '../run';

describe('watchpost import --json', () => {
  it('gives each reject its stable code and parameters beside the English reason', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'watchpost-cli-import-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'export.csv');
    writeFileSync(
      file,
      'id;datum;auteur;bericht\n' +
        '1;05-03-2024 14:30;@piet;Storing glasvezel in Best\n' +
        '2;31-02-2024 10:00;@kees;Datum klopt niet\n' +
        '3;06-03-2024 09:15;@anna;\n',
    );
    let out = '';
    let err = '';
    const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), interrupted: new Promise(() => {}) };
    expect(await runCli(['import', file, '--data', path.join(dir, 'data'), '--json'], io), err).toBe(0);
    const printed = JSON.parse(out) as { imported: number; rejected: number; rejects: unknown[] };
    expect(printed).toMatchObject({ imported: 1, rejected: 2 });
    expect(printed.rejects).toEqual([
      {
        file,
        record: 3,
        reason: expect.stringMatching(/^row 3: column 'datum' is not a date: '31-02-2024 10:00'/),
        code: 'date_unparseable',
        params: { unit: 'row', no: 3, field: 'datum', fieldKind: 'column', value: '31-02-2024 10:00' },
      },
      {
        file,
        record: 4,
        reason: expect.stringMatching(/^row 4: column 'bericht'/),
        code: 'text_missing',
        params: { unit: 'row', no: 4, field: 'bericht', fieldKind: 'column' },
      },
    ]);
  });
});
