import { startEngineWorker } from '../../engine/client';
import { startHost } from '../../host/server';
import { integerOption, parseCommandArgs } from '../args';
import type { Io } from '../io';
import { defaultDataDir, engineWorker, rendererDir } from '../paths';
import { call, runJob } from '../workspace';

export const DEFAULT_PORT = 4870;

export const serveHelp = `Usage: watchpost serve [--data DIR] [--port P] [--host ADDRESS] [--demo] [--demo-mentions N]

Opens the workspace and serves Watchpost to a browser: the app, its API (POST /api/<method>)
and live events (WebSocket /events). For wall screens on the LAN and for headless use.

  --data DIR          workspace folder (default: ${defaultDataDir()})
  --port P            TCP port (default ${DEFAULT_PORT}; 0 picks a free one; auto tries
                      ${DEFAULT_PORT} and falls back to a free one)
  --host ADDRESS      address to listen on (default 127.0.0.1; use 0.0.0.0 only to serve the LAN)
  --demo              when the workspace is empty, fill it with the demo first
  --demo-mentions N   size of that demo (default 100000)
`;

export async function serveCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('serve', argv, {
    data: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    demo: { type: 'boolean', default: false },
    'demo-mentions': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(serveHelp);
    return 0;
  }
  const autoPort = values.port === 'auto';
  const port = autoPort ? DEFAULT_PORT : integerOption('serve', 'port', values.port, 0, DEFAULT_PORT);
  const demoMentions = integerOption('serve', 'demo-mentions', values['demo-mentions'], 1, 100_000);
  const dataDir = values.data ?? defaultDataDir();

  const engine = await startEngineWorker({ dataDir, ...engineWorker() });
  try {
    if (values.demo && (await call(engine, 'workspace.stats', {})).mentions === 0) {
      io.err(`Preparing a demo workspace in ${dataDir} (once)...\n`);
      await runJob(engine, 'demo.generate', { mentions: demoMentions, years: 3, seed: 1 }, io);
    }
    const options = { engine, rendererDir: rendererDir(), host: values.host, port };
    // With --port auto (what npm start uses) a taken default port is no reason to fail.
    const host = await startHost(options).catch((err: unknown) => {
      if (autoPort) return startHost({ ...options, port: 0 });
      throw err;
    });
    io.out(`Watchpost is running at ${host.url} — open it in a browser\n`);
    if (values.host !== '127.0.0.1' && values.host !== 'localhost') {
      io.err(`Listening on ${values.host}: anyone on this network can reach this workspace.\n`);
    }
    await io.interrupted;
    io.err('Stopping Watchpost...\n');
    await host.close();
    return 0;
  } finally {
    await engine.close();
  }
}
