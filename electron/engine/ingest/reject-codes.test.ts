import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../shared/api/events';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import { RejectCode, RejectParams } from '../../../shared/api/imports';
import { Engine } from '../engine';
import { collectBatches, formatById, type FormatId, type Reject } from './formats';
import { parseWebhookBody } from './connectors/webhook';
import { callEngine } from '../testing/workspace';

let dataDir: string;
let engine: Engine;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'watchpost-reject-codes-'));
  engine = Engine.open({ dataDir, log: () => {} });
});

afterEach(async () => {
  await engine.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callEngine(engine, method, input);

function finished(jobId: string): Promise<JobInfo> {
  return new Promise((resolve) => {
    const stop = engine.events.subscribe((event) => {
      if (event.name === 'job.finished' && (event.payload as JobInfo).id === jobId) {
        stop();
        resolve(event.payload as JobInfo);
      }
    });
  });
}

async function rejectsOf(format: FormatId, text: string, fileName: string): Promise<Reject[]> {
  const parsed = await collectBatches(
    formatById(format).parse(Buffer.from(text, 'utf8'), { fileName, timeZone: 'Europe/Amsterdam' }),
  );
  return parsed.rejects;
}

/** Every reject names a known code with parameters that say where, and keeps its English sentence. */
function expectCoded(rejects: Reject[]): void {
  for (const reject of rejects) {
    expect(RejectCode.safeParse(reject.code).success, `${reject.reason} has a code`).toBe(true);
    expect(RejectParams.safeParse(reject.params).success, `${reject.reason} has parameters`).toBe(true);
    expect(reject.params?.no).toBe(reject.params?.part === undefined ? reject.recordNo : reject.params.no);
    expect(reject.reason).not.toBe('');
  }
}

describe('reject reasons as codes', () => {
  it('gives every CSV reject a code saying what, where and why, beside the English sentence', async () => {
    const rejects = await rejectsOf(
      'csv',
      'id;datum;auteur;bericht;bereik\n' +
        '1;31-02-2024 10:00;@kees;Datum klopt niet;10\n' +
        '2;05-03-2024 14:30;@piet;;10\n' +
        '3;;@anna;Geen tijd;10\n' +
        '4;05-03-2024 14:30;@ria;Bereik onleesbaar;veel\n' +
        '5;05-03-2024 14:30;@jan;Te veel velden;10;extra\n',
      'export.csv',
    );
    expectCoded(rejects);
    expect(rejects.map((reject) => [reject.code, reject.params])).toEqual([
      ['date_unparseable', { unit: 'row', no: 2, field: 'datum', fieldKind: 'column', value: '31-02-2024 10:00' }],
      ['text_missing', { unit: 'row', no: 3, field: 'bericht', fieldKind: 'column' }],
      ['time_missing', { unit: 'row', no: 4, field: 'datum', fieldKind: 'column' }],
      ['number_unparseable', { unit: 'row', no: 5, field: 'bereik', fieldKind: 'column', value: 'veel' }],
      ['csv_field_count', { unit: 'row', no: 6, found: 6, expected: 5, delimiter: ';' }],
    ]);
    expect(rejects[0]!.reason).toMatch(/^row 2: column 'datum' is not a date: '31-02-2024 10:00'/);
  });

  it('codes the rejects of NDJSON, the social exports and the webhook', async () => {
    const ndjson = await rejectsOf(
      'ndjson',
      '{"id":"1","text":"ok","created_at":"2024-03-05T10:00:00Z"}\n{"id":"2","text":"kapot"\n[1,2]\n',
      'monitor.ndjson',
    );
    expectCoded(ndjson);
    expect(ndjson.map((reject) => [reject.code, reject.params?.unit, reject.params?.no])).toEqual([
      ['json_invalid', 'line', 2],
      ['not_an_object', 'line', 3],
    ]);
    expect(ndjson[0]!.params?.detail).toEqual(expect.any(String));

    const mastodon = await rejectsOf(
      'mastodon',
      JSON.stringify([
        { id: '1', uri: 'https://m.example/1', created_at: 'gisteren', content: '<p>hoi</p>', account: { acct: 'a' } },
        { id: '2', created_at: '2024-03-05T10:00:00Z', content: '<p>hoi</p>', account: { acct: 'a' } },
      ]),
      'statuses.json',
    );
    expectCoded(mastodon);
    expect(mastodon.map((reject) => [reject.code, reject.params])).toEqual([
      ['date_unparseable', { unit: 'status', no: 1, field: 'created_at', fieldKind: 'field', value: 'gisteren' }],
      ['id_missing', { unit: 'status', no: 2, field: 'uri', fieldKind: 'field' }],
    ]);

    const webhook = parseWebhookBody(
      { mentions: [{ id: 'a', text: 'hoi', created_at: '31-02-2024' }, { id: 'b' }, 7] },
      1,
      Date.now(),
    );
    expectCoded(webhook.rejects);
    expect(webhook.rejects.map((reject) => [reject.code, reject.params?.field])).toEqual([
      ['date_unparseable', 'created_at'],
      ['fields_invalid', 'text'],
      ['not_an_object', undefined],
    ]);
  });

  it('stores the code with the reject and lists it, while older rejects keep only their sentence', async () => {
    const file = path.join(dataDir, 'export.csv');
    writeFileSync(file, 'id;datum;bericht\n1;05-03-2024 14:30;Goed\n2;31-02-2024 10:00;Datum klopt niet\n');
    const job = await call('ingest.importFiles', { files: [file], timeZone: 'Europe/Amsterdam' });
    const done = await finished(job.id);
    expect(done.result).toMatchObject({
      imported: 1,
      rejected: 1,
      rejects: [expect.objectContaining({ code: 'date_unparseable', params: expect.objectContaining({ no: 3 }) })],
    });
    // A reject kept before codes existed.
    engine.db
      .prepare(
        "INSERT INTO rejected_records (source_id, file, record_no, raw, reason, created_at) VALUES (?, ?, 9, '{}', ?, 0)",
      )
      .run(
        engine.db.prepare('SELECT source_id FROM rejected_records').pluck().get() as number,
        file,
        'row 9: an old reason',
      );

    const [group] = await call('ingest.rejectGroups', {});
    const listed = await call('ingest.rejectsOf', { sourceId: group!.sourceId, file });
    expect(listed.rows.map((row) => [row.recordNo, row.code, row.params?.value, row.reason])).toEqual([
      [3, 'date_unparseable', '31-02-2024 10:00', expect.stringMatching(/^row 3: column 'datum' is not a date/)],
      [9, undefined, undefined, 'row 9: an old reason'],
    ]);
    const all = await call('ingest.rejects', {});
    expect(all.rows.find((row) => row.recordNo === 3)).toMatchObject({ code: 'date_unparseable' });

    // A retry with a mapping that still fails keeps the reject, with the new code.
    await call('ingest.retryRejects', {
      sourceId: group!.sourceId,
      file,
      mapping: { text: 'datum', createdAt: 'bericht' },
      timeZone: 'Europe/Amsterdam',
    });
    const after = await call('ingest.rejectsOf', { sourceId: group!.sourceId, file });
    expect(after.rows[0]).toMatchObject({
      recordNo: 3,
      code: 'date_unparseable',
      params: { field: 'bericht', value: 'Datum klopt niet' },
    });
  });

  it('shows the code of a would-be reject in the preview', async () => {
    const file = path.join(dataDir, 'preview.csv');
    writeFileSync(file, 'id;datum;bericht\n1;morgen;Hallo\n');
    const preview = await call('ingest.preview', { file, timeZone: 'Europe/Amsterdam' });
    expect(preview.rows[0]).toMatchObject({
      mention: null,
      rejectWhy: { code: 'date_unparseable', params: { unit: 'row', no: 2, field: 'datum', value: 'morgen' } },
    });
  });
});
