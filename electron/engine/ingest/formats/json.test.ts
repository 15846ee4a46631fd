import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectBatches } from './batches';
import { jsonFormat, ndjsonFormat, previewJson } from './json';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));

describe('NDJSON import', () => {
  it('suggests nested paths as the mapping', async () => {
    const preview = await previewJson(fixture('monitor-export.ndjson'), 'ndjson', { fileName: 'export.ndjson' });
    expect(preview.columns).toContain('user.screen_name');
    expect(preview.suggestedMapping).toEqual({
      text: 'message',
      createdAt: 'created_at',
      externalId: 'id',
      url: 'link',
      channel: 'platform',
      parentId: 'reply_to',
      reach: 'user.followers',
      author: 'user.screen_name',
      authorName: 'user.name',
    });
    expect(preview.mentions).toHaveLength(3);
    expect(preview.rejects).toHaveLength(3);
  });

  it('imports the good lines and rejects a broken line by its line number', async () => {
    const mapping = {
      externalId: 'id',
      createdAt: 'created_at',
      author: 'user.screen_name',
      authorName: 'user.name',
      text: 'message',
      channel: 'platform',
      url: 'link',
      parentId: 'reply_to',
    };
    const { mentions, rejects } = await collectBatches(
      ndjsonFormat.parse(fixture('monitor-export.ndjson'), { fileName: 'export.ndjson', mapping }),
    );
    expect(
      mentions.map((m) => [
        m.externalId,
        m.channel,
        m.author?.handle,
        m.author?.displayName,
        new Date(m.createdAt).toISOString(),
      ]),
    ).toEqual([
      ['m-1', 'forum', 'fietsersbond_ehv', 'Fietsersbond Eindhoven', '2024-04-01T09:00:00.000Z'],
      ['m-2', 'facebook', 'j.devries', 'Jan de Vries', '2024-04-01T10:15:00.000Z'],
      ['m-5', 'x', 'bewoner_42', null, '2024-04-01T12:00:00.000Z'],
    ]);
    // Generic JSON text is kept as written: only HTML-based formats decode entities.
    expect(mentions[0]?.text).toBe('Het nieuwe fietspad langs de Kennedylaan is &quot;top&quot; 👍');
    expect(mentions[0]?.url).toBe('https://forum.example/t/fietspad/17');
    expect(mentions[2]?.parentExternalId).toBe('m-2');
    expect(rejects.map((r) => [r.recordNo, r.reason])).toEqual([
      [3, expect.stringMatching(/^line 3 is not valid JSON: /)],
      [4, "line 4: field 'message' is empty; a mention needs text"],
      [6, 'line 6 is not a JSON object'],
    ]);
    expect(rejects[0]?.raw).toContain('deze regel is afgebroken');
  });

  it('refuses a file that is not NDJSON at all', async () => {
    await expect(
      collectBatches(ndjsonFormat.parse(Buffer.from('hallo wereld\n'), { fileName: 'notes.ndjson' })),
    ).rejects.toThrow(/^notes\.ndjson: this is not NDJSON \(one JSON object a line\): line 1 is not valid JSON/);
    await expect(collectBatches(ndjsonFormat.parse(Buffer.from('\n\n'), { fileName: 'leeg.ndjson' }))).rejects.toThrow(
      'leeg.ndjson: the file is empty',
    );
  });
});

describe('JSON import', () => {
  const document = {
    data: [
      { id: 7, date: '2024-05-01T08:00:00Z', author: { handle: 'ov_reiziger' }, content: 'Trein 3 kwartier te laat' },
      { id: 8, date: 'gisteren', author: { handle: 'x' }, content: 'tijd klopt niet' },
      'geen object',
    ],
  };

  it('reads the records under a usual key with nested paths and numbers each reject', async () => {
    const input = Buffer.from(JSON.stringify(document));
    const mapping = { externalId: 'id', createdAt: 'date', author: 'author.handle', text: 'content' };
    const { mentions, rejects } = await collectBatches(
      jsonFormat.parse(input, { fileName: 'api.json', mapping, channel: 'rss' }),
    );
    expect(mentions).toEqual([
      expect.objectContaining({
        externalId: '7',
        author: expect.objectContaining({ handle: 'ov_reiziger' }),
        channel: 'rss',
        createdAt: Date.UTC(2024, 4, 1, 8),
      }),
    ]);
    expect(JSON.parse(mentions[0]?.raw ?? '')).toEqual(document.data[0]);
    expect(rejects.map((r) => r.reason)).toEqual([
      "record 2: field 'date' is not a date: 'gisteren' (expected e.g. 2024-03-05T14:30, 05-03-2024 14:30 or Unix time)",
      'record 3 is not a JSON object',
    ]);
  });

  it('says where a file stops being JSON', async () => {
    await expect(
      collectBatches(jsonFormat.parse(Buffer.from('[{"a": 1},\n {"b": 2,}]'), { fileName: 'kapot.json' })),
    ).rejects.toThrow('kapot.json: this is not valid JSON: Expected double-quoted property name at line 2, column 10');
  });
});
