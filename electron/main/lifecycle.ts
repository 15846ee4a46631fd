import type { App } from 'electron';
import type { EngineClient } from '../engine/client';
import type { WorkspaceStats } from '../../shared/api/contract';

/** What a new user gets on first start: three years of a living command center, the same for everyone. */
export const DEMO_WORKSPACE = { mentions: 100_000, years: 3, seed: 1 } as const;

/** How long quitting waits for the engine to finish its last write and close the database. */
const ENGINE_CLOSE_TIMEOUT_MS = 5_000;

/**
 * The workspace folder: Electron's per-user data folder, unless WATCHPOST_DATA_DIR names another
 * (end-to-end tests give each run a fresh one; an organisation may keep the workspace on a managed drive).
 */
export function workspaceFolder(app: Pick<App, 'getPath'>, env: NodeJS.ProcessEnv): string {
  return env['WATCHPOST_DATA_DIR'] || app.getPath('userData');
}

export type DemoOutcome = 'generated' | 'workspace has data' | 'switched off' | `failed: ${string}`;

/**
 * On an empty workspace (no mention, no source), start generating the demo workspace so the first
 * screen is alive. WATCHPOST_NO_DEMO=1 keeps it empty (tests, or an organisation that starts clean).
 */
export async function ensureDemoWorkspace(
  engine: Pick<EngineClient, 'call'>,
  env: NodeJS.ProcessEnv,
): Promise<DemoOutcome> {
  if (env['WATCHPOST_NO_DEMO'] === '1') return 'switched off';
  const stats = await engine.call('workspace.stats', {});
  if (!stats.ok) return `failed: ${stats.error.message}`;
  const { mentions, sources } = stats.value as WorkspaceStats;
  if (mentions > 0 || sources > 0) return 'workspace has data';
  const started = await engine.call('demo.generate', { ...DEMO_WORKSPACE });
  return started.ok ? 'generated' : `failed: ${started.error.message}`;
}

/**
 * Quitting waits (a bounded time) for the engine to close, so the last writes are checkpointed and the
 * next start does not find a half-finished WAL.
 */
export function closeEngineOnQuit(
  app: Pick<App, 'on' | 'quit'>,
  engine: Promise<Pick<EngineClient, 'close'>>,
  timeoutMs = ENGINE_CLOSE_TIMEOUT_MS,
): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    const closing = engine.then(
      (client) => client.close(),
      () => undefined, // it never opened: nothing to close
    );
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    void Promise.race([closing, deadline])
      .catch(() => undefined)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
