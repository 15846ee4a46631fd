import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEngineWorker, type EngineClient } from './client';
import { KEY_FILE, keyBox } from './secrets/key-file-box';

const WORKER = path.join(import.meta.dirname, 'worker.ts');
const TOKEN = 'zX9-mastodon-access-token-QWERTY';

let dataDir: string;
let client: EngineClient | null;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'watchpost-worker-secrets-'));
  client = null;
});
afterEach(async () => {
  await client?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function addMastodonSource(engine: EngineClient): Promise<void> {
  const added = await engine.call('sources.add', {
    kind: 'mastodon',
    name: 'Gemeente',
    // Nothing listens on port 9: the poll fails quietly, which is not what this test is about.
    settings: {
      instance: 'http://127.0.0.1:9',
      timeline: 'search',
      query: 'gemeente',
      secrets: { accessToken: TOKEN },
    },
  });
  expect(added.ok, JSON.stringify(added)).toBe(true);
}

function storedToken(): string {
  const db = new Database(path.join(dataDir, 'watchpost.db'), { readonly: true });
  try {
    const config = JSON.parse(db.prepare("SELECT config FROM sources WHERE kind = 'mastodon'").pluck().get() as string);
    return config.secrets.accessToken as string;
  } finally {
    db.close();
  }
}

describe('the engine worker and the credential key', () => {
  it('seals credentials with the key main hands over, and writes no key file', async () => {
    const key = randomBytes(32);
    client = await startEngineWorker({ dataDir, workerFile: WORKER, secretKey: key });
    await addMastodonSource(client);
    await client.close();
    client = null;
    const sealed = storedToken();
    expect(sealed).not.toContain(TOKEN);
    expect(keyBox(key, 'the test key').open(sealed)).toBe(TOKEN);
    expect(existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
  }, 30_000);

  it('uses the key file in the data folder when main hands over no key (host, CLI)', async () => {
    client = await startEngineWorker({ dataDir, workerFile: WORKER });
    await addMastodonSource(client);
    expect(existsSync(path.join(dataDir, KEY_FILE))).toBe(true);
    expect(storedToken()).not.toContain(TOKEN);
  }, 30_000);
});
