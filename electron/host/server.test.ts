import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EngineEvent } from '../../shared/api/events';
import { Engine } from '../engine/engine';
import { inProcessEngine } from '../engine/in-process';
import { sampleMention, storeMentions } from '../engine/testing/fixtures';
import { buildHost, startHost, type RunningHost } from './server';

let engine: Engine;
let rendererDir: string;
let host: RunningHost;

beforeAll(async () => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
  storeMentions(engine.db, [sampleMention({ externalId: '1', text: 'Storing glasvezel in Best' })]);
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'watchpost-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Watchpost</title>');
  host = await startHost({ engine: inProcessEngine(engine), rendererDir, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await host.close();
  engine.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the host door', () => {
  it('listens on 127.0.0.1 by default and says so in its URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const address = host.app.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('answers POST /api/<method> with the result envelope', async () => {
    const response = await post('mentions.search', { query: 'glasvezel' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, value: { total: 1 } });
    expect(body.value.mentions[0].text).toBe('Storing glasvezel in Best');
  });

  it('maps error codes to HTTP statuses and keeps the envelope', async () => {
    const unknown = await post('nope.nope', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const invalid = await post('mentions.list', { limit: -1 });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.message).toMatch(/limit/);
  });

  it('refuses requests from another origin and foreign Host names', async () => {
    const foreign = await post('workspace.stats', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const app = await buildHost({ engine: inProcessEngine(engine), rendererDir, host: '127.0.0.1', port: 0 });
    const rebound = await app.inject({
      method: 'POST',
      url: '/api/workspace.stats',
      headers: { host: 'evil.example' },
      payload: {},
    });
    expect(rebound.statusCode).toBe(403);
    await app.close();
  });

  it('refuses methods that read local paths when serving the LAN', async () => {
    const app = await buildHost({ engine: inProcessEngine(engine), rendererDir, host: '0.0.0.0', port: 0 });
    const importing = await app.inject({
      method: 'POST',
      url: '/api/ingest.importFiles',
      headers: { host: '192.168.1.20:4870' },
      payload: { files: ['/etc/passwd'] },
    });
    expect(importing.statusCode).toBe(403);
    expect(importing.json().error.message).toMatch(/only allowed on this machine/);
    const stats = await app.inject({
      method: 'POST',
      url: '/api/workspace.stats',
      headers: { host: '192.168.1.20:4870' },
      payload: {},
    });
    expect(stats.statusCode).toBe(200);
    await app.close();
  });

  it('serves the renderer and falls back to it for app routes', async () => {
    const index = await fetch(`${host.url}/`);
    expect(await index.text()).toContain('<title>Watchpost</title>');
    const deep = await fetch(`${host.url}/inbox/123`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>Watchpost</title>');
  });

  it('pushes engine events over the WebSocket', async () => {
    const socket = new WebSocket(`${host.url.replace('http', 'ws')}/events`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const received = new Promise<EngineEvent>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    engine.events.emit('mentions.added', { count: 3, newestAt: null });
    expect(await received).toEqual({ name: 'mentions.added', payload: { count: 3, newestAt: null } });
    socket.close();
  });

  it('explains a port that is already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    await expect(startHost({ engine: inProcessEngine(engine), rendererDir, host: '127.0.0.1', port })).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use; choose another with --port`,
    );
    blocker.close();
  });
});
