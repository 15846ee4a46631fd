import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WatchpostError } from '../../../shared/api/result';
import type { SecretBox } from './secret-box';

export const KEY_FILE = 'secret.key';
/** The desktop app's copy of the key, sealed by the OS keychain (Electron's safeStorage). */
export const KEYCHAIN_KEY_FILE = 'secret.key.keychain';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Names the scheme, so a future key rotation or another box can tell its own text apart. */
const PREFIX = 'kf1:';
const AAD = Buffer.from('watchpost-secret-v1');

/**
 * A SecretBox for CLI / host mode: AES-256-GCM with a random 32-byte key kept in
 * `<dataDir>/secret.key` (created with mode 0600). Refuses a key file that other users could read,
 * because anyone who can read it can read every stored credential.
 */
export function openKeyFileBox(dataDir: string, platform: NodeJS.Platform = process.platform): SecretBox {
  const folder = path.resolve(dataDir);
  const file = path.join(folder, KEY_FILE);
  // Credentials the desktop app sealed with the keychain's key cannot be opened with a key file.
  const hint = existsSync(path.join(folder, KEYCHAIN_KEY_FILE))
    ? "the desktop app keeps this workspace's key in the OS keychain: open the workspace in the app, or enter the credential again"
    : `was the data folder copied without its key file? Enter the credential again`;
  return new KeyBox(loadOrCreateKey(file, platform), `the key file ${file} (${hint})`);
}

/**
 * The same AES-256-GCM box over a key the caller holds: the desktop app's key, kept sealed by the OS
 * keychain and handed to the engine at start. `keyName` says in errors which key could not open a credential.
 */
export function keyBox(key: Uint8Array, keyName: string): SecretBox {
  if (key.length !== KEY_BYTES) {
    throw new WatchpostError(
      'unavailable',
      `${keyName} is not a Watchpost key (expected ${KEY_BYTES} bytes, found ${key.length})`,
    );
  }
  return new KeyBox(Buffer.from(key), keyName);
}

function loadOrCreateKey(file: string, platform: NodeJS.Platform): Buffer {
  try {
    // 'wx' fails when the file exists, so two processes starting at once never overwrite each other's key.
    writeFileSync(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new WatchpostError('unavailable', `the key file ${file} cannot be created (${errnoText(err)})`);
    }
  }
  // POSIX modes mean nothing on Windows; there the data folder's ACL protects the file.
  if (platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new WatchpostError(
        'unavailable',
        `the key file ${file} can be read by other users (permissions ${mode.toString(8).padStart(4, '0')}); ` +
          `stored credentials are not safe with it. Run: chmod 600 ${file}`,
      );
    }
  }
  const key = readFileSync(file);
  if (key.length !== KEY_BYTES) {
    throw new WatchpostError(
      'unavailable',
      `the key file ${file} is not a Watchpost key (expected ${KEY_BYTES} bytes, found ${key.length}); restore it from a backup`,
    );
  }
  return key;
}

function errnoText(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

class KeyBox implements SecretBox {
  constructor(
    private readonly key: Buffer,
    private readonly keyName: string,
  ) {}

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(AAD);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string): string {
    const packed = sealed.startsWith(PREFIX) ? Buffer.from(sealed.slice(PREFIX.length), 'base64') : null;
    if (!packed || packed.length < IV_BYTES + TAG_BYTES) {
      throw new WatchpostError('unavailable', 'a stored credential is not in the form this key seals; enter it again');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, packed.subarray(0, IV_BYTES));
      decipher.setAAD(AAD);
      decipher.setAuthTag(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(packed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new WatchpostError('unavailable', `a stored credential cannot be opened with ${this.keyName}`);
    }
  }
}
