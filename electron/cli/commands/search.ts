import { CliError, integerOption, parseCommandArgs } from '../args';
import type { Io } from '../io';
import { defaultDataDir } from '../paths';
import { call, openLocalEngine, requireWorkspace } from '../workspace';

export const searchHelp = `Usage: watchpost search "QUERY" [--data DIR] [--limit N] [--json]

Full-text search over the workspace's mentions, newest first. Every word must occur;
accents do not matter ("cafe" finds "café").

  --data DIR    workspace folder (default: ${defaultDataDir()})
  --limit N     at most N mentions (default 20)
  --json        print { "total": N, "mentions": [...] }
`;

export async function searchCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'search',
    argv,
    {
      data: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.out(searchHelp);
    return 0;
  }
  const text = positionals.join(' ').trim();
  if (!text) throw new CliError('search: give the text to search for, e.g. watchpost search "glasvezel storing"');
  const limit = integerOption('search', 'limit', values.limit, 1, 20);
  const dataDir = values.data ?? defaultDataDir();
  requireWorkspace(dataDir);
  const engine = openLocalEngine(dataDir);
  try {
    const result = await call(engine, 'mentions.search', { text, limit });
    if (values.json) {
      io.out(`${JSON.stringify(result)}\n`);
      return 0;
    }
    io.out(`${result.total.toLocaleString('en-GB')} mentions match; the newest ${result.mentions.length}:\n`);
    for (const mention of result.mentions) {
      const when = mention.createdAt.slice(0, 16).replace('T', ' ');
      const line = mention.text.replace(/\s+/g, ' ');
      io.out(`${when}  ${mention.channel.padEnd(9)} @${mention.author.handle.padEnd(18)} ${line.slice(0, 100)}\n`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}
