// `npm start`: the desktop app when Electron's binary is installed; otherwise the same app served to a browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildIfNeeded, root } from './build-if-needed.js';

function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

buildIfNeeded();
const electron = electronBinary();
const [command, args] = electron
  ? [electron, [root]]
  : [process.execPath, [path.join(root, 'out', 'main', 'cli.js'), 'serve', '--demo', ...portArgs()]];
if (!electron)
  process.stderr.write('Electron is not installed on this machine: serving Watchpost to your browser instead.\n');

const child = spawn(command, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

// The default port may be taken by another program; then any free port will do for `npm start`.
function portArgs() {
  return process.argv.includes('--port') ? [] : ['--port', process.env.WATCHPOST_PORT ?? 'auto'];
}
