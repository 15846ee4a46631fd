import { CliError, integerOption, parseCommandArgs } from '../args';
import type { Io } from '../io';
import { defaultDataDir } from '../paths';
import { call, openLocalEngine, requireWorkspace } from '../workspace';

export const searchHelp = `Usage: watchpost search "QUERY" [--data DIR] [--limit N] [--sort newest|relevance] [--json]

Searches the workspace's mentions with the query language, newest first:
  glasvezel storing            both words (accents do not matter: "cafe" finds "café")
  storing OR glasvezel         either;  NOT / EN / OF / NIET work too; (parentheses) group
  "slimme verlichting"         the exact phrase;   verlicht*   words that start so
  lantaarn NEAR/5 kapot        within 5 words;     #tag  @handle
  channel:x lang:nl sentiment:negative status:new author:piet topic:glasvezel
  after:2026-01-01 before:2026-02-01 reach:>1000

  --data DIR                 workspace folder (default: ${defaultDataDir()})
  --limit N                  at most N mentions (default 20)
  --sort newest|relevance    order of the results (default newest)
  --json                     print { "total": N, "mentions": [...] }

A mistake in the query exits 1 and names the column where it is.
`;

export async function searchCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'search',
    argv,
    {
      data: { type: 'string' },
      limit: { type: 'string' },
      sort: { type: 'string', default: 'newest' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.out(searchHelp);
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (!query) throw new CliError('search: give the query to search for, e.g. watchpost search "glasvezel storing"');
  if (values.sort !== 'newest' && values.sort !== 'relevance') {
    throw new CliError(`search: --sort must be newest or relevance, not '${values.sort}'`);
  }
  const limit = integerOption('search', 'limit', values.limit, 1, 20);
  const dataDir = values.data ?? defaultDataDir();
  requireWorkspace(dataDir);
  const engine = openLocalEngine(dataDir);
  try {
    const result = await call(engine, 'mentions.search', { query, limit, sort: values.sort });
    if (values.json) {
      io.out(`${JSON.stringify(result)}\n`);
      return 0;
    }
    const about = result.totalIsEstimate ? 'about ' : '';
    io.out(`${about}${result.total.toLocaleString('en-GB')} mentions match; the first ${result.mentions.length}:\n`);
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
