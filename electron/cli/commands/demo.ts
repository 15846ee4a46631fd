import { CliError, integerOption, numberOption, parseCommandArgs } from '../args';
import type { Io } from '../io';
import { defaultDataDir } from '../paths';
import { call, openLocalEngine, runJob } from '../workspace';

export const demoHelp = `Usage: watchpost demo [--data DIR] [--mentions N] [--years Y] [--seed S] [--until ISO-TIME] [--json]

Fills a workspace with a realistic, deterministic demo: Dutch and English mentions about a
fictional municipality in Noord-Brabant, across every channel, ending now.

  --data DIR        workspace folder (default: ${defaultDataDir()})
  --mentions N      how many mentions (default 100000)
  --years Y         length of the period in years (default 3)
  --seed S          random seed; the same seed and --until give identical data (default 1)
  --until TIME      end of the period, e.g. 2026-11-01T00:00Z (default: now)
  --json            print the result as JSON
`;

export async function demoCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('demo', argv, {
    data: { type: 'string' },
    mentions: { type: 'string' },
    years: { type: 'string' },
    seed: { type: 'string' },
    until: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(demoHelp);
    return 0;
  }
  const mentions = integerOption('demo', 'mentions', values.mentions, 1, 100_000);
  const years = numberOption('demo', 'years', values.years, 0.01, 3);
  const seed = integerOption('demo', 'seed', values.seed, 0, 1);
  let until: string | undefined;
  if (values.until !== undefined) {
    const time = Date.parse(values.until);
    if (Number.isNaN(time))
      throw new CliError(`demo: --until must be a time like 2026-11-01T00:00Z, not '${values.until}'`);
    until = new Date(time).toISOString();
  }
  const dataDir = values.data ?? defaultDataDir();
  const engine = openLocalEngine(dataDir);
  try {
    const started = performance.now();
    const finished = await runJob(engine, 'demo.generate', { mentions, years, seed, until }, io, values.json);
    const seconds = (performance.now() - started) / 1000;
    const stats = await call(engine, 'workspace.stats', {});
    if (values.json) {
      io.out(
        `${JSON.stringify({ dataDir, generated: finished.done, mentions: stats.mentions, seconds: round(seconds) })}\n`,
      );
    } else {
      io.out(
        `${finished.message ?? 'done'} in ${seconds.toFixed(1)} s; the workspace in ${dataDir} now holds ${stats.mentions.toLocaleString('en-GB')} mentions.\n`,
      );
    }
    return 0;
  } finally {
    await engine.close();
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;
