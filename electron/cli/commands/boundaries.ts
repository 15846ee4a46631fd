import { CliError, parseCommandArgs } from '../args';
import type { Io } from '../io';
import { defaultDataDir } from '../paths';
import { requireWorkspace } from '../workspace';
import { importBoundaryFile } from '../../engine/geo/import';
import { openWorkspace } from '../../engine/store/db';
import { TrendIndexer } from '../../engine/trends/indexer';

export const boundariesHelp = `Usage: watchpost boundaries import FILE [--data DIR] [--source TEXT] [--licence TEXT] [--operator NAME]

Imports the municipality boundaries the trends map needs: a GeoJSON or TopoJSON file of gemeenten from
CBS/PDOK ("CBS Gebiedsindelingen", WGS84 or RD New). It replaces earlier boundaries and places every
mention again (from its geotag, the places named in its text, or its author's location).

  --data DIR        workspace folder (default: ${defaultDataDir()})
  --source TEXT     where the file came from (default: CBS Gebiedsindelingen via PDOK)
  --licence TEXT    its licence (default: CC BY 4.0 (CBS))
  --operator NAME   who imports it, for the audit log (default: cli)
`;

/** `watchpost boundaries import FILE`: stores the boundaries and places the mentions, with progress. */
export async function boundariesCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'boundaries',
    argv,
    {
      data: { type: 'string' },
      source: { type: 'string', default: 'CBS Gebiedsindelingen via PDOK' },
      licence: { type: 'string', default: 'CC BY 4.0 (CBS)' },
      operator: { type: 'string', default: 'cli' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.out(boundariesHelp);
    return 0;
  }
  const [action, file, ...rest] = positionals;
  if (action !== 'import' || !file || rest.length)
    throw new CliError('boundaries: usage is `watchpost boundaries import FILE` (see watchpost boundaries --help)');
  const dataDir = values.data ?? defaultDataDir();
  requireWorkspace(dataDir);
  const db = openWorkspace(dataDir);
  try {
    const info = importBoundaryFile(db, {
      file,
      source: values.source,
      licence: values.licence,
      operator: values.operator,
    });
    io.out(`imported ${info.municipalities} municipalities (${info.brabant} in Noord-Brabant) from ${info.file}\n`);
    const indexer = new TrendIndexer(db);
    indexer.resetPlaces();
    const total = indexer.pendingPlaces();
    indexer.catchUp((done) => io.err(`boundaries: placed ${Math.min(done, total)}/${total} mentions\n`));
    const placed = db.prepare('SELECT count(*) FROM mentions WHERE place_code IS NOT NULL').pluck().get() as number;
    io.out(`${placed} of ${total} mentions placed in a municipality\n`);
    return 0;
  } finally {
    db.close();
  }
}
