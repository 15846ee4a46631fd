import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryWorkspace, type Db } from '../../store/db';
import { ensureSource } from '../../mentions/write';
import { acceptWebhook, createWebhookToken, MAX_WEBHOOK_MENTIONS } from './webhook';

let db: Db;
let token: string;
let sourceId: number;
const NOW = Date.parse('2026-11-02T12:00:00Z');

beforeEach(() => {
  db = openMemoryWorkspace();
  const created = createWebhookToken();
  token = created.token;
  sourceId = ensureSource(db, 'webhook', 'Meldingen-app', created.config);
});
afterEach(() => db.close());

describe('inbound webhook', () => {
  it('accepts a list of mentions and fills in what the sender left out', () => {
    const accepted = acceptWebhook(
      db,
      token,
      {
        mentions: [
          {
            id: 'm-1',
            text: 'Lantaarnpaal kapot in de Kerkstraat',
            author: 'melder42',
            created_at: '2026-11-02T10:15:00+01:00',
          },
          {
            id: 77,
            text: 'Tweet over de kermis',
            channel: 'x',
            url: 'https://x.com/a/status/77',
            author: { handle: 'a', name: 'A', followers: 900 },
          },
        ],
      },
      NOW,
    );
    expect(accepted.sourceId).toBe(sourceId);
    expect(accepted.rejects).toEqual([]);
    expect(accepted.mentions[0]).toMatchObject({
      channel: 'webhook',
      externalId: `wh${sourceId}:m-1`,
      author: { handle: 'melder42', displayName: null },
      createdAt: Date.parse('2026-11-02T09:15:00Z'),
      fetchedAt: NOW,
    });
    expect(accepted.mentions[1]).toMatchObject({
      channel: 'x',
      externalId: '77',
      reach: 900,
      createdAt: NOW,
      url: 'https://x.com/a/status/77',
    });
  });

  it('accepts a single mention object', () => {
    const accepted = acceptWebhook(db, token, { id: 'solo', text: 'Alleen ik' }, NOW);
    expect(accepted.mentions.map((m) => m.text)).toEqual(['Alleen ik']);
  });

  it('rejects bad mentions one by one, with the reason, and keeps the good ones', () => {
    const accepted = acceptWebhook(
      db,
      token,
      {
        mentions: [
          { id: 'ok', text: 'Goed' },
          { id: 'no-text' },
          { id: 'bad-date', text: 'x', created_at: '31-13-2024' },
          { id: 'bad-url', text: 'x', url: 'javascript:alert(1)' },
          'just a string',
          { id: 'bad-channel', text: 'x', channel: 'myspace' },
        ],
      },
      NOW,
    );
    expect(accepted.mentions.map((m) => m.externalId)).toEqual([`wh${sourceId}:ok`]);
    expect(accepted.rejects.map((r) => [r.recordNo, r.reason])).toEqual([
      [2, "mention 2: 'text' is missing"],
      [3, "mention 3: 'created_at' is not a date: '31-13-2024'"],
      [4, "mention 4: 'url' must be an http(s) address"],
      [5, 'mention 5: is not a JSON object'],
      [6, expect.stringMatching(/^mention 6: 'channel' /)],
    ]);
    expect(JSON.parse(accepted.rejects[0]!.raw)).toEqual({ id: 'no-text' });
  });

  it('refuses an unknown token, a paused source, and a body that is no mention list', () => {
    expect(() => acceptWebhook(db, 'not-the-token', { id: '1', text: 'x' })).toThrow(
      /no webhook source has this token/,
    );
    expect(() => acceptWebhook(db, token, [{ id: '1', text: 'x' }])).toThrow(/the body must be a JSON object/);
    expect(() => acceptWebhook(db, token, { mentions: 'x' })).toThrow(/'mentions' must be a list/);
    const tooMany = Array.from({ length: MAX_WEBHOOK_MENTIONS + 1 }, (_, i) => ({ id: String(i), text: 'x' }));
    expect(() => acceptWebhook(db, token, { mentions: tooMany })).toThrow(
      /at most 1000 mentions per request; this one has 1001/,
    );
    db.prepare('UPDATE sources SET paused = 1 WHERE id = ?').run(sourceId);
    expect(() => acceptWebhook(db, token, { id: '1', text: 'x' })).toThrow(
      "the webhook source 'Meldingen-app' is paused",
    );
  });

  it('stores only a hash of the token', () => {
    const config = db
      .prepare<[number], { config: string }>('SELECT config FROM sources WHERE id = ?')
      .get(sourceId)!.config;
    expect(config).not.toContain(token);
  });
});
