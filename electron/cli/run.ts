import pkg from '../../package.json';
import { WatchpostError } from '../../shared/api/result';
import { CliError } from './args';
import { analyzeCommand, analyzeHelp } from './commands/analyze';
import { boundariesCommand, boundariesHelp } from './commands/boundaries';
import { demoCommand, demoHelp } from './commands/demo';
import { importCommand, importHelp } from './commands/import';
import { rollupsCommand, rollupsHelp } from './commands/rollups';
import { searchCommand, searchHelp } from './commands/search';
import { serveCommand, serveHelp } from './commands/serve';
import type { Io } from './io';

interface Command {
  summary: string;
  help: string;
  run(argv: string[], io: Io): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  analyze: { summary: 'language and sentiment for posts on stdin', help: analyzeHelp, run: analyzeCommand },
  boundaries: { summary: 'import municipality boundaries for the map', help: boundariesHelp, run: boundariesCommand },
  demo: { summary: 'fill a workspace with a realistic demo', help: demoHelp, run: demoCommand },
  import: { summary: 'import mentions from exports, feeds and spreadsheets', help: importHelp, run: importCommand },
  rollups: { summary: 'verify or rebuild the trend rollups', help: rollupsHelp, run: rollupsCommand },
  serve: { summary: 'serve the app, its API and events to a browser', help: serveHelp, run: serveCommand },
  search: { summary: 'full-text search over mentions', help: searchHelp, run: searchCommand },
};

export const mainHelp = `Watchpost ${pkg.version} — a social media command center you own.

Usage: watchpost <command> [options]     (watchpost <command> --help for its options)

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(10)}${command.summary}`)
  .join('\n')}
`;

/** Runs one CLI invocation; returns the exit code. Errors become one line on stderr, never a stack trace. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    io.out(topic ? topic.help : mainHelp);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${pkg.version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(
      `watchpost: there is no command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')} (see: watchpost --help)\n`,
    );
    return 1;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof CliError || err instanceof WatchpostError) {
      io.err(`watchpost: ${err.message}\n`);
    } else {
      io.err(`watchpost: ${name} failed unexpectedly: ${err instanceof Error ? err.message : String(err)}\n`);
      if (process.env.WATCHPOST_DEBUG) io.err(`${(err as Error).stack}\n`);
    }
    return 1;
  }
}
