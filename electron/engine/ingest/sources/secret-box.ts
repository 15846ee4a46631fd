import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keyBox, openKeyFileBox } from '../../secrets/key-file-box';
import type { SecretBox } from '../../secrets/secret-box';

/**
 * The workspace's box for credentials. In the desktop app the main process hands over the key it
 * keeps sealed by the OS keychain (`keychainKey`); otherwise (CLI, host) the key file in the data
 * folder, opened on first use, so a key-file problem (wrong permissions) shows up on the sources that
 * need a credential instead of keeping the whole workspace closed. A throw-away workspace (`dataDir`
 * null) gets a key that lives only in memory: its folder is removed as soon as the key is read.
 */
export function workspaceSecretBox(dataDir: string | null, keychainKey?: Uint8Array): SecretBox {
  let box: SecretBox | null = null;
  const opened = (): SecretBox => {
    if (box) return box;
    if (keychainKey) box = keyBox(keychainKey, "this workspace's key in the OS keychain");
    else if (dataDir) box = openKeyFileBox(dataDir);
    else {
      const folder = mkdtempSync(path.join(tmpdir(), 'watchpost-key-'));
      try {
        box = openKeyFileBox(folder);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
    return box;
  };
  return { seal: (plain) => opened().seal(plain), open: (sealed) => opened().open(sealed) };
}
