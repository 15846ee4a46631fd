import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WatchpostError } from '../../../../shared/api/result';
import { collectBatches } from './batches';
import { csvFormat, previewCsv } from './csv';
import { openCsv } from './csv-read';

const spectrum = path.resolve(process.cwd(), '../shared/reference/csv-spectrum');
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));

async function records(file: string): Promise<Record<string, string>[]> {
  const csv = await openCsv(readFileSync(file), { fileName: path.basename(file) });
  const out: Record<string, string>[] = [];
  for await (const chunk of csv.rows) {
    for (const row of chunk) {
      if (!('values' in row)) throw new Error(row.why.reason);
      out.push(row.values);
    }
  }
  return out;
}

// Upstream csv-spectrum's location_coordinates.json names a different phone number than its CSV;
// every other value of that case, and all other cases, must match as published.
const UPSTREAM_ERRATA: Record<string, Record<string, string>> = {
  location_coordinates: { 'Contact Phone Number': '2095257564' },
};

describe('CSV reading against csv-spectrum', () => {
  const cases = readdirSync(path.join(spectrum, 'csvs')).map((file) => path.basename(file, '.csv'));

  it('has the 12 cases', () => expect(cases).toHaveLength(12));

  it.each(cases)('%s parses to its expected JSON', async (name) => {
    const expected = JSON.parse(readFileSync(path.join(spectrum, 'json', `${name}.json`), 'utf8'));
    const rows = (Array.isArray(expected) ? expected : [expected]).map((row: Record<string, string>) => ({
      ...row,
      ...UPSTREAM_ERRATA[name],
    }));
    expect(await records(path.join(spectrum, 'csvs', `${name}.csv`))).toEqual(rows);
  });
});

describe('CSV import', () => {
  it('reads an Excel CSV in Windows-1252 and maps its obvious columns without asking', async () => {
    const preview = await previewCsv(fixture('excel-windows-1252.csv'), { fileName: 'excel.csv' });
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(preview.suggestedMapping).toEqual({
      externalId: 'id',
      createdAt: 'created_at',
      author: 'author',
      authorName: 'name',
      text: 'text',
      channel: 'channel',
      url: 'url',
      reach: 'followers',
    });
    expect(preview.rows[0]?.text).toBe('Terras weer open! Koffie €2,50 – “gezellig”');

    const { mentions, rejects } = await collectBatches(
      csvFormat.parse(fixture('excel-windows-1252.csv'), { fileName: 'excel.csv' }),
    );
    expect(mentions.map((m) => [m.externalId, m.channel, m.author?.handle, m.author?.displayName, m.reach])).toEqual([
      ['9001', 'x', 'cafe_de_zwaan', 'Café De Zwaan', 1250],
      ['9002', 'facebook', 'renée_v', 'Renée Visser', 87],
    ]);
    expect(mentions[0]?.createdAt).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(mentions[1]?.createdAt).toBe(Date.UTC(2024, 2, 5, 15, 5));
    expect(mentions[1]?.text).toBe('Privé-parkeren bij het station is een ramp, wéér geen plek');
    expect(JSON.parse(mentions[0]?.raw ?? '{}')).toMatchObject({ id: '9001', name: 'Café De Zwaan' });
    expect(rejects).toEqual([
      expect.objectContaining({ recordNo: 4, reason: "row 4: column 'followers' is not a number: 'veel'" }),
    ]);
  });

  it('reads a Dutch semicolon CSV with dd-mm-yyyy times in the operator’s zone, multi-line cells and bad rows', async () => {
    const input = fixture('gemeente-semicolon.csv');
    const preview = await previewCsv(input, { fileName: 'meldingen.csv' });
    expect(preview).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      headers: ['Datum', 'Auteur', 'Bericht', 'Kanaal', 'Link'],
    });
    expect(preview.suggestedMapping).toEqual({
      createdAt: 'Datum',
      author: 'Auteur',
      text: 'Bericht',
      channel: 'Kanaal',
      url: 'Link',
    });

    const options = { fileName: 'meldingen.csv', timeZone: 'Europe/Amsterdam' };
    const { mentions, rejects } = await collectBatches(csvFormat.parse(input, options));
    expect(mentions.map((m) => [m.author?.handle, m.channel, new Date(m.createdAt).toISOString()])).toEqual([
      ['buurtapp_eindhoven', 'facebook', '2024-03-05T13:30:00.000Z'],
      ['marieke', 'x', '2024-03-05T08:05:00.000Z'],
      ['anouk', 'mastodon', '2024-03-07T22:59:00.000Z'],
    ]);
    expect(mentions[1]?.text).toBe(
      'Wie weet waarom de weg is afgesloten?\nStaat nergens; ook niet op de site "van de gemeente".',
    );
    expect(mentions[0]?.url).toBe('https://facebook.example/posts/1');
    expect(rejects.map((r) => r.reason)).toEqual([
      "row 4: column 'Datum' is not a date: '31-13-2024 10:00' (expected e.g. 2024-03-05T14:30, 05-03-2024 14:30 or Unix time)",
      "row 5: column 'Bericht' is empty; a mention needs text",
    ]);
    expect(JSON.parse(rejects[1]?.raw ?? '{}')).toMatchObject({ Auteur: 'kees', Kanaal: 'Instagram' });

    // No id column: ids are hashes of the row, the same on every import.
    expect(mentions[0]?.externalId).toMatch(/^csv:[0-9a-f]{24}$/);
    const again = await collectBatches(csvFormat.parse(input, options));
    expect(again.mentions.map((m) => m.externalId)).toEqual(mentions.map((m) => m.externalId));
    expect(new Set(mentions.map((m) => m.externalId)).size).toBe(3);
  });

  it('reads ISO, Unix seconds and Unix milliseconds from a tab-separated file', async () => {
    const { mentions } = await collectBatches(csvFormat.parse(fixture('dates-tab.tsv'), { fileName: 'dates.tsv' }));
    expect(mentions.map((m) => [m.author?.handle, new Date(m.createdAt).toISOString()])).toEqual([
      ['anna', '2024-03-05T14:30:00.000Z'],
      ['bert', '2024-03-05T14:30:00.000Z'],
      ['cor', '2024-03-05T14:30:00.000Z'],
      ['dirk', '2024-03-05T12:30:00.250Z'],
    ]);
  });

  it('takes a mapping chosen by the operator, and channel for rows that name none', async () => {
    const input = Buffer.from('wanneer,wie,wat\n2024-01-02,ann,hallo\n');
    const mapping = { createdAt: 'wanneer', author: 'wie', text: 'wat' };
    const { mentions } = await collectBatches(csvFormat.parse(input, { fileName: 'a.csv', mapping, channel: 'forum' }));
    expect(mentions).toEqual([
      expect.objectContaining({ text: 'hallo', channel: 'forum', createdAt: Date.UTC(2024, 0, 2) }),
    ]);
  });

  it('streams big input in batches, reading chunk boundaries inside characters correctly', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `${i},2024-01-01T00:00:00Z,"café ${i}, ✓"`);
    const bytes = Buffer.from(['id,date,text', ...rows].join('\n'), 'utf8');
    async function* chunks() {
      for (let at = 0; at < bytes.length; at += 7) yield bytes.subarray(at, at + 7);
    }
    const sizes: number[] = [];
    let last = 0;
    for await (const batch of csvFormat.parse(chunks(), { fileName: 'big.csv', batchSize: 1000 })) {
      sizes.push(batch.mentions.length);
      last = batch.recordsRead;
      expect(batch.mentions.every((m) => /^café \d+, ✓$/.test(m.text))).toBe(true);
    }
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(last).toBe(2500);
  });

  it('keeps the good rows around a broken one and says what is wrong with it', async () => {
    const input = Buffer.from(
      'id,date,text\n1,2024-01-01,eerste\n2,2024-01-01,te,veel,velden\n3,2024-01-01,"nooit gesloten\n4,2024-01-01,x\n',
    );
    const { mentions, rejects } = await collectBatches(csvFormat.parse(input, { fileName: 'kapot.csv' }));
    expect(mentions.map((m) => m.externalId)).toEqual(['1']);
    expect(rejects.map((r) => r.reason)).toEqual([
      "row 3: has 5 fields but the header names 3; is a quote missing, or is the delimiter not ','?",
      'row 4: a quoted field is never closed, so the rest of the file is one broken row',
    ]);
    expect(rejects[1]?.raw).toContain('nooit gesloten');
  });

  it('refuses, with one clear error, a file that is no CSV or a mapping without text or time', async () => {
    const parse = (bytes: Buffer, mapping?: Record<string, string>) =>
      collectBatches(csvFormat.parse(bytes, { fileName: 'x.csv', ...(mapping ? { mapping } : {}) }));
    await expect(parse(Buffer.alloc(0))).rejects.toThrow(
      new WatchpostError('invalid_input', 'x.csv: the file is empty'),
    );
    await expect(parse(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]))).rejects.toThrow(
      /x\.csv: this is not a CSV file: it contains binary data/,
    );
    await expect(parse(Buffer.from('a,b\n1,2\n'))).rejects.toThrow(
      "x.csv: no column is mapped to the text of a mention; pick one of 'a', 'b'",
    );
    await expect(
      parse(Buffer.from('text,when\nhoi,2024-01-01\n'), { text: 'text', createdAt: 'wanneer' }),
    ).rejects.toThrow("x.csv: the mapping uses column 'wanneer' for createdAt, but the file has 'text', 'when'");
    const error = await parse(Buffer.alloc(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WatchpostError);
    expect((error as WatchpostError).code).toBe('invalid_input');
  });
});
