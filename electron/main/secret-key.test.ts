import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_FILE, KEYCHAIN_KEY_FILE, openKeyFileBox } from '../engine/secrets/key-file-box';
import { workspaceSecretBox } from '../engine/ingest/sources/secret-box';
import { FakeSafeStorage } from './fake-electron';
import { keychainSecretKey } from './secret-key';

let dataDir: string;
let keychain: FakeSafeStorage;
let logged: string[];
const log = (line: string) => void logged.push(line);

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'watchpost-keychain-'));
  keychain = new FakeSafeStorage();
  logged = [];
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the credential key in the OS keychain', () => {
  it('creates a key kept only sealed by the keychain, and gets the same key at the next start', () => {
    const key = keychainSecretKey(keychain, dataDir, log, 'linux');
    expect(key).toHaveLength(32);
    expect(existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    const sealed = readFileSync(path.join(dataDir, KEYCHAIN_KEY_FILE));
    expect(sealed.toString('latin1')).not.toContain(key!.toString('base64'));
    expect(statSync(path.join(dataDir, KEYCHAIN_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(keychainSecretKey(keychain, dataDir, log, 'linux')).toEqual(key);
    expect(logged).toEqual([]);
  });

  it('seals credentials the engine opens after a restart with the key from the keychain', () => {
    const token = 'zX9-mastodon-access-token-QWERTY';
    const sealed = workspaceSecretBox(dataDir, keychainSecretKey(keychain, dataDir, log, 'linux')!).seal(token);
    expect(sealed).not.toContain(token);
    const again = workspaceSecretBox(dataDir, keychainSecretKey(keychain, dataDir, log, 'linux')!);
    expect(again.open(sealed)).toBe(token);
    // The CLI on the same folder has no keychain: it says so instead of a puzzling key-file error.
    expect(() => openKeyFileBox(dataDir).open(sealed)).toThrow(/OS keychain: open the workspace in the app/);
  });

  it('moves a key file the CLI made into the keychain, so its credentials still open', () => {
    const sealedByCli = openKeyFileBox(dataDir).seal('app-password');
    const key = keychainSecretKey(keychain, dataDir, log, 'linux');
    expect(existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    expect(workspaceSecretBox(dataDir, key!).open(sealedByCli)).toBe('app-password');
    expect(logged).toEqual([expect.stringMatching(/now lives in the OS keychain; the plain key file was removed/)]);
  });

  it('falls back to the key file, saying so, when there is no keychain', () => {
    keychain.available = false;
    expect(keychainSecretKey(keychain, dataDir, log, 'darwin')).toBeNull();
    expect(logged[0]).toMatch(/safeStorage\) is not available: credentials are sealed with the key file .*secret\.key/);
    expect(existsSync(path.join(dataDir, KEYCHAIN_KEY_FILE))).toBe(false);
    // The engine then seals with the key file, as on plain Node.
    const box = workspaceSecretBox(dataDir);
    expect(box.open(box.seal('api-key'))).toBe('api-key');
    expect(statSync(path.join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it("does not count Linux's plain-text backend as a keychain", () => {
    keychain.backend = 'basic_text';
    expect(keychainSecretKey(keychain, dataDir, log, 'linux')).toBeNull();
    expect(logged[0]).toMatch(/plain-text backend/);
  });

  it('falls back, saying why, when the keychain cannot open the sealed key (another user)', () => {
    keychainSecretKey(keychain, dataDir, log, 'linux');
    keychain.otherUser();
    expect(keychainSecretKey(keychain, dataDir, log, 'linux')).toBeNull();
    expect(logged[0]).toMatch(/cannot be opened with this user's OS keychain .*key file/);
  });
});
