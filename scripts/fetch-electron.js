// Downloads Electron's binary when the network allows it, and never fails `npm install` when it does not.
// Electron's own install script is denied in package.json ("allowScripts"), because on machines that reach
// only the npm registry it exits 1 and takes the whole install down with it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const dir = electronDir();
if (!dir) {
  process.exit(0); // production install without devDependencies: nothing to fetch
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('watchpost: ELECTRON_SKIP_BINARY_DOWNLOAD is set; npm start will serve the app to your browser.');
  process.exit(0);
}
const installer = path.join(dir, 'install.js');
if (!existsSync(installer)) process.exit(0);

const result = spawnSync(process.execPath, [installer], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
if (result.status === 0) {
  console.log('watchpost: Electron binary is ready; npm start opens the desktop app.');
} else {
  const reason = `${result.stderr ?? ''}`.split('\n').find((line) => /error|ENOTFOUND|EAI_AGAIN|ECONN/i.test(line));
  console.log(
    'watchpost: the Electron binary could not be downloaded' +
      (reason ? ` (${reason.trim()})` : '') +
      '. That is fine: npm start will serve Watchpost to your browser instead.',
  );
}
