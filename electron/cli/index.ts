import { processIo } from './io';
import { runCli } from './run';

// The `watchpost` command (bin/watchpost.js runs the built copy of this file).
const code = await runCli(process.argv.slice(2), processIo());
process.stdout.write('', () => process.exit(code));
