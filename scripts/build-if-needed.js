// Builds the app when `out/` is missing or older than the sources, so `npm start` and `npx watchpost`
// work right after `npm install` and after every edit. Build output goes to stderr, never into a command's stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['electron', 'renderer', 'shared', 'resources', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = [
  'out/main/index.js',
  'out/main/cli.js',
  'out/main/engine-worker.js',
  'out/main/ingest-worker.js',
  'out/main/demo-worker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules' || name.endsWith('.test.ts') || name.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

export function buildIsCurrent() {
  const outputs = OUTPUTS.map((file) => path.join(root, file));
  if (!outputs.every((file) => existsSync(file))) return false;
  // Without the sources (an installed package) the shipped build is all there is.
  if (!existsSync(path.join(root, 'electron'))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= built);
}

export function buildIfNeeded() {
  if (buildIsCurrent()) return;
  process.stderr.write('Building Watchpost (once after each change)...\n');
  const bin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(
      'watchpost: the build failed (see the lines above); fix it or run `npm run build` to retry.\n',
    );
    process.exit(1);
  }
}
