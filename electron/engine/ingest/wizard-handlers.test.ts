import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../shared/api/events';
import { useTestWorkspace } from '../testing/workspace';

const workspace = useTestWorkspace('wizard');
const { call, failure } = workspace;

/** Uploads bytes the way the browser does: base64 chunks of `chunk` bytes. */
async function upload(name: string, content: Buffer | string, chunk = 64 * 1024): Promise<string> {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  let id: string | undefined;
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += chunk) {
    const piece = bytes.subarray(offset, offset + chunk);
    const info = await call('ingest.upload', {
      upload: id,
      name,
      offset,
      data: piece.toString('base64'),
      done: offset + chunk >= bytes.length,
    });
    id = info.upload;
  }
  return id!;
}

function finished(jobId: string): Promise<JobInfo> {
  return new Promise((resolve) => {
    const stop = workspace.engine.events.subscribe((event) => {
      if (event.name === 'job.finished' && (event.payload as JobInfo).id === jobId) {
        stop();
        resolve(event.payload as JobInfo);
      }
    });
  });
}

const reference = (file: string) => path.resolve(process.cwd(), '../shared/reference', file);

const SPREADSHEET =
  'id;datum;auteur;bericht;kanaal\n' +
  '1;05-03-2024 14:30;@piet;Storing glasvezel in Best;x\n' +
  '2;31-13-2024 10:00;@kees;Datum klopt niet;x\n' +
  '3;06-03-2024 09:15;@anna;Gat in het fietspad;facebook\n';

describe('the import wizard', () => {
  it('previews an uploaded CSV: layout, suggested mapping and the rows in file order with reasons', async () => {
    const id = await upload('export.csv', SPREADSHEET, 40);
    const preview = await call('ingest.preview', { upload: id, timeZone: 'Europe/Amsterdam' });
    expect(preview).toMatchObject({
      fileName: 'export.csv',
      format: 'csv',
      detected: { format: 'csv' },
      problem: null,
    });
    expect(preview.table).toMatchObject({
      columns: ['id', 'datum', 'auteur', 'bericht', 'kanaal'],
      delimiter: ';',
      encoding: 'utf-8',
      suggestedMapping: { externalId: 'id', createdAt: 'datum', author: 'auteur', text: 'bericht', channel: 'kanaal' },
    });
    expect(preview.rows.map((row) => row.mention?.text ?? row.reject)).toEqual([
      'Storing glasvezel in Best',
      expect.stringMatching(/^row 3: column 'datum' is not a date: '31-13-2024 10:00'/),
      'Gat in het fietspad',
    ]);
    expect(preview.rows[0]!.mention).toMatchObject({
      author: 'piet',
      channel: 'x',
      createdAt: '2024-03-05T13:30:00.000Z',
    });
  });

  it('previews again under the mapping the operator picked, and says what a mapping lacks', async () => {
    const id = await upload('export.csv', SPREADSHEET);
    const remapped = await call('ingest.preview', {
      upload: id,
      mapping: { text: 'auteur', createdAt: 'datum' },
      timeZone: 'UTC',
    });
    expect(remapped.table?.mapping).toEqual({ text: 'auteur', createdAt: 'datum' });
    expect(remapped.rows[0]!.mention).toMatchObject({ text: '@piet', author: null, channel: 'file' });
    const lacking = await call('ingest.preview', { upload: id, mapping: { text: 'bericht' } });
    expect(lacking.problem).toMatch(/no column is mapped to the time of a mention; pick one of 'id', 'datum'/);
    expect(lacking.rows).toEqual([]);
  });

  it('previews the reference X archive with the account the operator names', async () => {
    const id = await upload('tweets.js', readFileSync(reference('social/twitter/tweets.js.excerpt_first6.js')));
    const preview = await call('ingest.preview', { upload: id, accountHandle: '@milahu104' });
    expect(preview.format).toBe('x-archive');
    expect(preview.detected?.confidence).toBe(1);
    expect(preview.table).toBeNull();
    expect(preview.rows).toHaveLength(6);
    expect(preview.rows[0]!.mention).toMatchObject({
      author: 'milahu104',
      text: '@rosenbusch_ idioten in machtpositionen, jedes verfickte mal...',
      createdAt: '2026-02-20T09:10:58.000Z',
      url: 'https://x.com/milahu104/status/2024773764576059625',
    });
  });

  it('asks for the format when it cannot tell, and reads the file once it is named', async () => {
    const id = await upload('notes.dat', 'just some words\nwithout any structure');
    const unknown = await call('ingest.preview', { upload: id });
    expect(unknown.format).toBeNull();
    expect(unknown.problem).toMatch(/the format could not be recognised; pick the format/);
    const named = await call('ingest.preview', { upload: id, format: 'x-archive' });
    expect(named.problem).toMatch(/notes\.dat: this is not a file from an X archive/);
  });

  it('keeps uploads inside its own folder whatever the name says, and checks the chunk order', async () => {
    const id = await upload('../../../etc/passwd', 'a,b\n1,2\n');
    const preview = await call('ingest.preview', { upload: id, format: 'csv' });
    expect(preview.fileName).toBe('passwd');
    expect(readdirSync(path.join(workspace.dataDir, 'uploads'))).toHaveLength(1);
    const first = await call('ingest.upload', { name: 'big.csv', offset: 0, data: 'YWJj', done: false });
    const gap = await failure('ingest.upload', {
      upload: first.upload,
      name: 'big.csv',
      offset: 10,
      data: 'YWJj',
      done: true,
    });
    expect(gap).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/expected the chunk at byte 3, not 10/),
    });
    expect(await failure('ingest.preview', { upload: first.upload })).toMatchObject({ code: 'conflict' });
    expect(await call('ingest.discardUpload', { upload: first.upload })).toEqual({ discarded: true });
  });

  it('imports an upload as a job under its own name, keeps the rejects and removes the upload', async () => {
    const id = await upload('export.csv', SPREADSHEET);
    const job = await call('ingest.importUpload', { upload: id, timeZone: 'Europe/Amsterdam' });
    const done = await finished(job.id);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ imported: 2, duplicates: 0, rejected: 1, file: 'export.csv', format: 'csv' });
    expect(workspace.engine.uploads.leftovers()).toEqual([]);
    expect(await failure('ingest.preview', { upload: id })).toMatchObject({ code: 'not_found' });
    const groups = await call('ingest.rejectGroups', {});
    expect(groups).toEqual([
      expect.objectContaining({ file: 'export.csv', count: 1, sourceKind: 'file', retry: expect.anything() }),
    ]);
    const again = await call('ingest.importUpload', { upload: await upload('export.csv', SPREADSHEET) });
    expect((await finished(again.id)).result).toMatchObject({ imported: 0, duplicates: 2, rejected: 1 });
    // Importing the same file again updates its rejects instead of repeating them.
    expect((await call('ingest.rejectGroups', {}))[0]!.count).toBe(1);
  });

  it('fails the job with the reason when the file cannot be read as the chosen format', async () => {
    const id = await upload('export.csv', SPREADSHEET);
    const job = await call('ingest.importUpload', { upload: id, mapping: { text: 'bericht', createdAt: 'nope' } });
    const done = await finished(job.id);
    expect(done.state).toBe('failed');
    expect(done.message).toMatch(/export\.csv: the mapping uses column 'nope' for createdAt/);
    expect(workspace.engine.uploads.leftovers()).toEqual([]);
  });

  it('stops a cancelled import after a batch and says how many mentions it kept', async () => {
    const lines = ['id,date,text'];
    for (let i = 0; i < 60_000; i++) lines.push(`${i},2024-03-05T10:00:00Z,bericht nummer ${i} over de Stationsweg`);
    const id = await upload('groot.csv', lines.join('\n'), 1024 * 1024);
    const job = await call('ingest.importUpload', { upload: id });
    await new Promise<void>((resolve) => {
      const stop = workspace.engine.events.subscribe((event) => {
        if (event.name === 'mentions.added') {
          stop();
          resolve();
        }
      });
    });
    await call('jobs.cancel', { id: job.id });
    const done = await finished(job.id);
    expect(done.state).toBe('cancelled');
    const kept = done.result as { imported: number; cancelled: boolean };
    const stored = workspace.engine.db.prepare('SELECT count(*) FROM mentions').pluck().get() as number;
    expect(kept.cancelled).toBe(true);
    expect(kept.imported).toBe(stored);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(60_000);
    expect(done.message).toContain(`the ${stored} mentions imported before the stop are kept`);
    expect(workspace.engine.uploads.leftovers()).toEqual([]);
  });
});

describe('mapping presets', () => {
  it('saves, lists by name, replaces a preset of the same name and deletes', async () => {
    const saved = await call('ingest.presets.save', {
      name: 'Monitor export',
      format: 'csv',
      mapping: { text: 'bericht', createdAt: 'datum' },
      timeZone: 'Europe/Amsterdam',
    });
    await call('ingest.presets.save', { name: 'Afdeling', format: 'json', mapping: { text: 'a', createdAt: 'b' } });
    const replaced = await call('ingest.presets.save', {
      name: 'monitor EXPORT',
      format: 'csv',
      mapping: { text: 'tekst', createdAt: 'datum', author: 'auteur' },
      channel: 'facebook',
    });
    expect(replaced.id).toBe(saved.id);
    const list = await call('ingest.presets.list', {});
    expect(list.map((preset) => preset.name)).toEqual(['Afdeling', 'monitor EXPORT']);
    expect(list[1]).toMatchObject({
      mapping: { text: 'tekst', author: 'auteur' },
      channel: 'facebook',
      timeZone: null,
    });
    expect(await call('ingest.presets.delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await call('ingest.presets.delete', { id: saved.id })).toEqual({ deleted: false });
    expect((await call('ingest.presets.list', {})).map((preset) => preset.name)).toEqual(['Afdeling']);
  });

  it('refuses a preset that maps nothing to the text or the time', async () => {
    const error = await failure('ingest.presets.save', { name: 'Half', format: 'csv', mapping: { text: 'bericht' } });
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/needs both/) });
  });
});

describe('retrying rejected records', () => {
  const sheet =
    'id,when,datum,who,message\n' +
    '1,gisteren,05-03-2024 14:30,@piet,Storing glasvezel\n' +
    '2,eergisteren,06-03-2024 09:15,@anna,Gat in de weg\n' +
    '3,vandaag,99-99-2024 10:00,@kees,Nog steeds kapot\n';

  async function importWrongly(): Promise<void> {
    const file = path.join(workspace.dataDir, 'monitor.csv');
    writeFileSync(file, sheet);
    const job = await call('ingest.importFiles', { files: [file], mapping: { text: 'message', createdAt: 'when' } });
    expect((await finished(job.id)).result).toMatchObject({ imported: 0, rejected: 3 });
  }

  it('offers the columns found in the rejects, then imports the fixed records and keeps the rest', async () => {
    await importWrongly();
    const [group] = await call('ingest.rejectGroups', {});
    expect(group!.retry).toEqual({
      format: 'csv',
      columns: ['id', 'when', 'datum', 'who', 'message'],
      suggestedMapping: expect.objectContaining({ text: 'message', externalId: 'id' }),
    });
    const file = group!.file!;
    const outcome = await call('ingest.retryRejects', {
      sourceId: group!.sourceId,
      file,
      mapping: { text: 'message', createdAt: 'datum', author: 'who', externalId: 'id' },
      timeZone: 'Europe/Amsterdam',
    });
    expect(outcome).toEqual({ retried: 3, imported: 2, duplicates: 0, stillRejected: 1 });
    const left = await call('ingest.rejectsOf', { sourceId: group!.sourceId, file });
    expect(left.total).toBe(1);
    expect(left.rows[0]).toMatchObject({
      recordNo: 4,
      reason: expect.stringMatching(/row 4: column 'datum' is not a date: '99-99-2024/),
    });
    const retriedAt = workspace.engine.db.prepare('SELECT retried_at FROM rejected_records').pluck().get();
    expect(retriedAt).toEqual(expect.any(Number));
    const stored = await call('mentions.list', { limit: 10 });
    expect(stored.rows.map((row) => [row.text, row.author.handle, row.createdAt])).toEqual([
      ['Gat in de weg', 'anna', '2024-03-06T08:15:00.000Z'],
      ['Storing glasvezel', 'piet', '2024-03-05T13:30:00.000Z'],
    ]);
  });

  it('refuses a mapping that names a column the records do not have', async () => {
    await importWrongly();
    const [group] = await call('ingest.rejectGroups', {});
    const error = await failure('ingest.retryRejects', {
      sourceId: group!.sourceId,
      file: group!.file!,
      mapping: { text: 'bericht', createdAt: 'datum' },
    });
    expect(error.message).toMatch(/the mapping uses column 'bericht' for text, but the file has 'id', 'when'/);
    expect((await call('ingest.rejectGroups', {}))[0]!.count).toBe(3);
  });

  it('lets an X archive reject stand: its records are not read through a mapping', async () => {
    const file = path.join(workspace.dataDir, 'tweets.js');
    writeFileSync(file, 'window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1" } } ]');
    const job = await call('ingest.importFiles', { files: [file] });
    await finished(job.id);
    const [group] = await call('ingest.rejectGroups', {});
    expect(group).toMatchObject({ count: 1, retry: null });
    const error = await failure('ingest.retryRejects', {
      sourceId: group!.sourceId,
      file,
      mapping: { text: 'a', createdAt: 'b' },
    });
    expect(error.message).toMatch(/was not read through a column mapping/);
  });
});
