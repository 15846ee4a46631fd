import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_FILE, openKeyFileBox } from './key-file-box';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'watchpost-secrets-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('key file secret box', () => {
  it('creates a 32-byte key readable by its owner only', () => {
    openKeyFileBox(dataDir);
    const file = path.join(dataDir, KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file)).toHaveLength(32);
  });

  it('seals so the plain token is not in the text, and opens it again after a restart', () => {
    const token = 'zX9-mastodon-access-token-QWERTY';
    const sealed = openKeyFileBox(dataDir).seal(token);
    expect(sealed).not.toContain(token);
    expect(Buffer.from(sealed.slice(4), 'base64').toString('latin1')).not.toContain(token);
    expect(openKeyFileBox(dataDir).open(sealed)).toBe(token);
  });

  it('seals the same secret differently each time', () => {
    const box = openKeyFileBox(dataDir);
    expect(box.seal('abc')).not.toBe(box.seal('abc'));
  });

  it('refuses a key file that other users can read, and says how to fix it', () => {
    openKeyFileBox(dataDir);
    chmodSync(path.join(dataDir, KEY_FILE), 0o644);
    expect(() => openKeyFileBox(dataDir, 'linux')).toThrow(
      /can be read by other users \(permissions 0644\).*chmod 600/,
    );
  });

  it('does not judge POSIX permissions on Windows', () => {
    openKeyFileBox(dataDir);
    chmodSync(path.join(dataDir, KEY_FILE), 0o644);
    expect(() => openKeyFileBox(dataDir, 'win32')).not.toThrow();
  });

  it('refuses a key file of the wrong size', () => {
    writeFileSync(path.join(dataDir, KEY_FILE), 'short', { mode: 0o600 });
    expect(() => openKeyFileBox(dataDir)).toThrow(/expected 32 bytes, found 5/);
  });

  it('will not open text sealed with another key, nor tampered text', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'watchpost-secrets-'));
    try {
      const sealed = openKeyFileBox(other).seal('app-password');
      const box = openKeyFileBox(dataDir);
      expect(() => box.open(sealed)).toThrow(/cannot be opened with .*secret\.key/);
      const own = box.seal('app-password');
      const bytes = Buffer.from(own.slice(4), 'base64');
      bytes[bytes.length - 1]! ^= 1;
      expect(() => box.open(`kf1:${bytes.toString('base64')}`)).toThrow(/cannot be opened/);
      expect(() => box.open('plain-token')).toThrow(/not in the form/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
