// `npm run bench`: runs the benchmarks in bench/ and prints one JSON document. Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './build-if-needed.js';

const run = spawnSync(
  path.join(root, 'node_modules', '.bin', 'tsx'),
  [path.join(root, 'bench', 'run.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
  },
);
process.exit(run.status ?? 1);
