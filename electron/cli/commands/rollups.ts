import { CliError, parseCommandArgs } from '../args';
import type { Io } from '../io';
import { defaultDataDir } from '../paths';
import { requireWorkspace } from '../workspace';
import { openWorkspace } from '../../engine/store/db';
import { TrendIndexer } from '../../engine/trends/indexer';
import { rebuildRollups, verifyRollups } from '../../engine/trends/rollups';

export const rollupsHelp = `Usage: watchpost rollups --verify|--rebuild [--data DIR] [--json]

The trend rollups (pre-aggregated counts per hour, day, week and month, per municipality, and the term
counts per day, month and year) are kept up to date with every change to the mentions. This command checks
or rebuilds them:

  --verify       recompute them from the raw mentions and list every difference (exit 1 when there is any);
                 mentions the term indexer has not counted yet are left out of the term check and reported
  --rebuild      rebuild them from the raw mentions, with progress (the term counts are counted again)
  --data DIR     workspace folder (default: ${defaultDataDir()})
  --json         print the verification as JSON
`;

export async function rollupsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('rollups', argv, {
    data: { type: 'string' },
    verify: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(rollupsHelp);
    return 0;
  }
  if (values.verify === values.rebuild) throw new CliError('rollups: give either --verify or --rebuild');
  const dataDir = values.data ?? defaultDataDir();
  requireWorkspace(dataDir);
  const db = openWorkspace(dataDir);
  try {
    if (values.rebuild) {
      const started = Date.now();
      rebuildRollups(db, (done, total, label) => io.err(`rollups: ${done}/${total} ${label}\n`));
      const indexer = new TrendIndexer(db);
      indexer.resetTerms();
      const mentions = indexer.pendingTerms();
      let reported = 0;
      indexer.catchUp((done) => {
        if (done - reported < 50_000 && done < mentions) return;
        reported = done;
        io.err(`rollups: terms counted for ${Math.min(done, mentions)}/${mentions} mentions\n`);
      });
      io.out(`rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      return 0;
    }
    const result = verifyRollups(db);
    if (values.json) io.out(`${JSON.stringify(result)}\n`);
    else if (result.ok) io.out(`rollups match the mentions (${result.checkedRows} rows checked)\n`);
    else {
      io.out(`rollups differ from the mentions (${result.checkedRows} rows checked):\n`);
      for (const d of result.differences)
        io.out(`  ${d.table} [${d.key}] ${d.column}: stored ${d.stored}, expected ${d.expected}\n`);
    }
    if (!values.json && result.termsPending)
      io.out(`${result.termsPending} newest mentions are not counted into the term rollup yet and were not checked\n`);
    return result.ok ? 0 : 1;
  } finally {
    db.close();
  }
}
