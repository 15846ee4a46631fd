import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';

const CLI = path.resolve(process.cwd(), 'out/main/cli.js');
const RENDERER = path.resolve(process.cwd(), 'out/renderer/index.html');
const URL_LINE = /Watchpost is running at (http:\/\/127\.0\.0\.1:\d+) — open it in a browser/;

export interface RunningHost {
  url: string;
  dataDir: string;
  /** Calls the API the way the page does, for comparing what the page shows with what the store holds. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  stop(): Promise<void>;
}

export function requireBuild(): void {
  for (const file of [CLI, RENDERER]) {
    if (!existsSync(file)) {
      throw new Error(
        `${path.relative(process.cwd(), file)} is missing: build the app first with \`npx electron-vite build\``,
      );
    }
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `watchpost serve` on a new temp workspace with a demo of `mentions` mentions (0: an empty
 * workspace) and waits for its URL.
 */
export async function startHost({ mentions = 3000, timeoutMs = 150_000 } = {}): Promise<RunningHost> {
  requireBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'watchpost-e2e-'));
  const child = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      ...(mentions > 0 ? ['--demo', '--demo-mentions', String(mentions)] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const cleanUp = async () => {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `watchpost serve printed no URL within ${timeoutMs / 1000} s.\nstdout: ${stdout}\nstderr: ${stderr}`,
            ),
          ),
        timeoutMs,
      );
      child.stdout.on('data', () => {
        const found = URL_LINE.exec(stdout)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new Error(`watchpost serve exited with ${code} before it was ready.\nstdout: ${stdout}\nstderr: ${stderr}`),
        );
      });
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }

  return {
    url,
    dataDir,
    async call(method, input) {
      const response = await fetch(`${url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as Result<MethodOutput<typeof method>>;
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    stop: cleanUp,
  };
}
