import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { KEY_BYTES, KEY_FILE, KEYCHAIN_KEY_FILE } from '../engine/secrets/key-file-box';

type Keychain = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * The key that seals the workspace's credentials, kept in the data folder only as
 * `secret.key.keychain`: sealed by the OS keychain through Electron's safeStorage (call after `ready`).
 * A workspace that has a plain key file (made by the CLI or host) has that key moved into the keychain
 * and the plain file removed. Returns null, after saying why in the log, when the keychain cannot be
 * used: then the engine falls back to the key file with 0600 permissions.
 */
export function keychainSecretKey(
  keychain: Keychain,
  dataDir: string,
  log: (line: string) => void,
  platform: NodeJS.Platform = process.platform,
): Buffer | null {
  const keyFile = path.join(dataDir, KEY_FILE);
  const sealedFile = path.join(dataDir, KEYCHAIN_KEY_FILE);
  const fallback = `credentials are sealed with the key file ${keyFile} instead (readable by this user only)`;
  if (!keychain.isEncryptionAvailable()) {
    log(`the OS keychain (Electron safeStorage) is not available: ${fallback}`);
    return null;
  }
  // Without a password manager Linux "encrypts" with a fixed password: no better than the key file.
  if (platform === 'linux' && keychain.getSelectedStorageBackend?.() === 'basic_text') {
    log(`no OS keychain was found (safeStorage would use its plain-text backend): ${fallback}`);
    return null;
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    if (existsSync(sealedFile)) {
      const key = Buffer.from(keychain.decryptString(readFileSync(sealedFile)), 'base64');
      if (key.length !== KEY_BYTES) throw new Error(`expected ${KEY_BYTES} bytes, found ${key.length}`);
      return key;
    }
    const adopted = existsSync(keyFile);
    const key = adopted ? readFileSync(keyFile) : randomBytes(KEY_BYTES);
    if (key.length !== KEY_BYTES) throw new Error(`${keyFile} is not a Watchpost key (found ${key.length} bytes)`);
    writeFileSync(sealedFile, keychain.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
    if (adopted) {
      rmSync(keyFile);
      log(`the credential key of ${dataDir} now lives in the OS keychain; the plain key file was removed`);
    }
    return key;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    log(`the credential key in ${sealedFile} cannot be opened with this user's OS keychain (${why}): ${fallback}`);
    return null;
  }
}
