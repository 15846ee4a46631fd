import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BoundariesInfo } from '../../../shared/api/trends';
import { WatchpostError } from '../../../shared/api/result';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';
import { readBoundaries } from './boundaries';
import { saveBoundaries } from './store';

/** Boundary files larger than this are refused (the national CBS file with every detail is about 50 MB). */
const MAX_BYTES = 300 * 1024 * 1024;

/**
 * Reads a boundary file from disk and stores its municipalities in one transaction (replacing earlier
 * ones), with an audit entry. `file` is where it is; `name` how it is called in messages and the info.
 * What places the mentions again afterwards is the caller's (the trend indexer's job).
 */
export function importBoundaryFile(
  db: Db,
  options: { file: string; name?: string; source: string; licence: string; operator: string },
): BoundariesInfo {
  const name = options.name ?? path.basename(options.file);
  let size: number;
  try {
    size = statSync(options.file).size;
  } catch {
    throw new WatchpostError('not_found', `there is no boundary file ${options.file}`);
  }
  if (size > MAX_BYTES)
    throw new WatchpostError(
      'invalid_input',
      `${name} is ${Math.round(size / 1024 / 1024)} MB; boundary files up to ${MAX_BYTES / 1024 / 1024} MB can be imported (use a generalised "gegeneraliseerd" file)`,
    );
  const municipalities = readBoundaries(readFileSync(options.file, 'utf8'), name);
  const info: BoundariesInfo = {
    municipalities: municipalities.length,
    brabant: municipalities.filter((m) => m.province === 'PV30').length,
    source: options.source,
    licence: options.licence,
    file: name,
    importedAt: new Date().toISOString(),
    operator: options.operator,
  };
  db.transaction(() => {
    saveBoundariesAndAudit(db, municipalities, info);
  })();
  return info;
}

function saveBoundariesAndAudit(db: Db, municipalities: ReturnType<typeof readBoundaries>, info: BoundariesInfo) {
  saveBoundaries(db, municipalities, info);
  recordAudit(db, {
    actor: info.operator,
    action: 'boundaries.import',
    entity: 'boundaries',
    entityId: null,
    detail: { file: info.file, municipalities: info.municipalities, source: info.source, licence: info.licence },
  });
}
