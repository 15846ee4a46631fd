import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const cliSource = path.join(root, 'electron/cli/index.ts');

/** Runs the `watchpost` command from the sources, as a separate process, the way a user runs it. */
export function watchpost(
  args: string[],
  input?: string,
): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
  });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

export function spawnWatchpost(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export const reference = (...parts: string[]): string => path.resolve(root, '../shared/reference', ...parts);
