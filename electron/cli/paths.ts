import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** True when running from the TypeScript sources (tests, tsx), false in the built `out/main/cli.js`. */
const fromSource = import.meta.url.endsWith('.ts');

/** The same folder Electron's `app.getPath('userData')` gives, so the CLI and the desktop app share a workspace. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Watchpost');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Watchpost');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Watchpost');
}

export function engineWorker(): { workerFile: string } {
  return { workerFile: fromSource ? path.resolve(here, '../engine/worker.ts') : path.join(here, 'engine-worker.js') };
}

export function rendererDir(): string | null {
  const dir = fromSource ? path.resolve(here, '../../out/renderer') : path.resolve(here, '../renderer');
  return existsSync(dir) ? dir : null;
}
