import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { inProcessEngine } from '../engine/in-process';
import { startHost, type RunningHost } from './server';

let engine: Engine;
let host: RunningHost;
let token: string;
let sourceId: number;

beforeAll(async () => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
  host = await startHost({ engine: inProcessEngine(engine), rendererDir: null, host: '127.0.0.1', port: 0 });
  const added = await engine.dispatch('sources.add', { kind: 'webhook', name: 'Meldingen', settings: {} });
  if (!added.ok) throw new Error(added.error.message);
  const value = added.value as { source: { id: number }; webhookToken: string };
  token = value.webhookToken;
  sourceId = value.source.id;
});

afterAll(async () => {
  await host.close();
  await engine.close();
});

const push = (path: string, body: string, type = 'application/json') =>
  fetch(`${host.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });

describe('POST /ingest/<token>', () => {
  it('stores the pushed mentions and answers with the counts and each reject', async () => {
    const response = await push(
      `/ingest/${token}`,
      JSON.stringify({ mentions: [{ id: 'a1', text: 'Stoep kapot', author: 'buur' }, { text: 'zonder id' }] }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      value: {
        imported: 1,
        duplicates: 0,
        rejected: 1,
        rejects: [
          {
            record: 2,
            reason: "mention 2: 'id' is missing",
            code: 'fields_invalid',
            params: { unit: 'mention', no: 2, field: 'id', detail: "'id' is missing" },
          },
        ],
      },
    });
    const stored = engine.db.prepare('SELECT text, channel FROM mentions').all();
    expect(stored).toEqual([{ text: 'Stoep kapot', channel: 'webhook' }]);
  });

  it('answers 404 for an unknown or malformed token, 400 for a body that is no mention list', async () => {
    expect((await push(`/ingest/${'A'.repeat(32)}`, '{"id":1,"text":"x"}')).status).toBe(404);
    expect((await push('/ingest/..%2F..%2Fapi', '{"id":1,"text":"x"}')).status).toBe(404);
    const notJson = await push(`/ingest/${token}`, '[1, 2]');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/the body must be a JSON object/);
  });

  it('refuses a body over 5 MB without reading it into the engine', async () => {
    const huge = JSON.stringify({ mentions: [{ id: 1, text: 'x'.repeat(6 * 1024 * 1024) }] });
    expect((await push(`/ingest/${token}`, huge)).status).toBe(413);
  });

  it('answers 503 while the source is paused', async () => {
    await engine.dispatch('sources.pause', { id: sourceId });
    const response = await push(`/ingest/${token}`, '{"id":"b","text":"Gepauzeerd"}');
    expect(response.status).toBe(503);
    await engine.dispatch('sources.resume', { id: sourceId });
  });
});
