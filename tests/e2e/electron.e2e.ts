import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { InboxPage } from './pages/InboxPage';
import { requireBuild } from './support/host';

/** The Electron binary, if this machine has one: `require('electron')` in Node returns its path or throws. */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const SKIPPED = 'Electron binary not installed — skipped';

describe('Electron desk window', () => {
  if (!binary) {
    console.warn(SKIPPED);
    it.skip(SKIPPED, () => {});
    return;
  }

  it('shows the inbox, exposes only call/subscribe/version and no Node to the page', async () => {
    requireBuild();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'watchpost-electron-'));
    // A small workspace made by the CLI, so the window opens on rows instead of generating 100,000.
    execFileSync(process.execPath, [path.resolve('out/main/cli.js'), 'demo', '--data', dataDir, '--mentions', '300'], {
      stdio: 'ignore',
    });
    const app = await electron.launch({
      executablePath: binary,
      args: [path.resolve('out/main/index.js'), '--no-sandbox', '--disable-gpu'],
      env: { ...process.env, WATCHPOST_DATA_DIR: dataDir, WATCHPOST_NO_DEMO: '1' },
    });
    try {
      const page = await app.firstWindow();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const inbox = new InboxPage(page);
      await inbox.waitForRow(0);
      expect(await inbox.rowCount()).toBe(300);

      const surface = await page.evaluate(() => ({
        keys: Object.keys(window.watchpost ?? {}).sort(),
        callType: typeof window.watchpost?.call,
        subscribeType: typeof window.watchpost?.subscribe,
        versionType: typeof window.watchpost?.version,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(surface).toEqual({
        keys: ['call', 'subscribe', 'version'],
        callType: 'function',
        subscribeType: 'function',
        versionType: 'string',
        require: 'undefined',
        process: 'undefined',
      });
      expect(errors).toEqual([]);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
