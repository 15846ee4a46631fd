import { statSync } from 'node:fs';
import path from 'node:path';
import type { RejectGroup } from '../../../shared/api/imports';
import { WatchpostError } from '../../../shared/api/result';
import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';
import { REJECT_COLUMNS, toRejectedRecord, type RejectRow } from './reject-rows';
import { importUpload } from './wizard/import-upload';
import { MappingPresets } from './wizard/presets';
import { previewFile } from './wizard/preview';
import { rejectColumns, retryRejects, tableFormatOf } from './wizard/retry';

type WizardMethods =
  | 'ingest.upload'
  | 'ingest.discardUpload'
  | 'ingest.preview'
  | 'ingest.importUpload'
  | 'ingest.presets.list'
  | 'ingest.presets.save'
  | 'ingest.presets.delete'
  | 'ingest.rejectGroups'
  | 'ingest.rejectsOf'
  | 'ingest.retryRejects';

interface GroupRow {
  source_id: number;
  name: string;
  kind: string;
  file: string | null;
  count: number;
  last_at: number;
}

/** The import wizard (upload → preview → mapping → import), mapping presets and the rejected-records view. */
export function wizardHandlers(engine: Engine): Pick<Handlers, WizardMethods> {
  const presets = new MappingPresets(engine.db);
  const groups = engine.db.prepare<[], GroupRow>(
    `SELECT r.source_id, s.name, s.kind, r.file, count(*) AS count, max(r.created_at) AS last_at
     FROM rejected_records r JOIN sources s ON s.id = r.source_id
     GROUP BY r.source_id, r.file ORDER BY last_at DESC`,
  );
  const countOf = engine.db
    .prepare<[number, string | null], number>('SELECT count(*) FROM rejected_records WHERE source_id = ? AND file IS ?')
    .pluck();
  const pageOf = engine.db.prepare<[number, string | null, number, number], RejectRow>(
    `SELECT ${REJECT_COLUMNS} FROM rejected_records WHERE source_id = ? AND file IS ?
     ORDER BY record_no, id LIMIT ? OFFSET ?`,
  );

  return {
    'ingest.upload': (input) => engine.uploads.receive(input),
    'ingest.discardUpload': (input) => ({ discarded: engine.uploads.discard(input.upload) }),
    'ingest.preview': (input) => {
      const { upload, file, ...options } = input;
      const target = upload ? engine.uploads.file(upload) : fileOnDisk(file ?? '');
      return previewFile({ ...target, ...options });
    },
    'ingest.importUpload': (input) => importUpload(engine, input),
    'ingest.presets.list': () => presets.list(),
    'ingest.presets.save': (input) => presets.save(input),
    'ingest.presets.delete': (input) => ({ deleted: presets.delete(input.id) }),
    'ingest.rejectGroups': async () => {
      const found: RejectGroup[] = [];
      for (const row of groups.all()) {
        const format = row.kind === 'file' && row.file ? tableFormatOf(row.file) : null;
        found.push({
          sourceId: row.source_id,
          sourceName: row.name,
          sourceKind: row.kind,
          file: row.file,
          count: row.count,
          lastAt: new Date(row.last_at).toISOString(),
          retry:
            format && row.file
              ? { format, ...(await rejectColumns(engine.db, row.source_id, row.file, format)) }
              : null,
        });
      }
      return found;
    },
    'ingest.rejectsOf': (input) => ({
      total: countOf.get(input.sourceId, input.file) ?? 0,
      rows: pageOf.all(input.sourceId, input.file, input.limit, input.offset).map(toRejectedRecord),
    }),
    'ingest.retryRejects': (input) => retryRejects(engine.db, engine.pipeline, input),
  };
}

function fileOnDisk(file: string): { file: string; name: string; size: number } {
  const absolute = path.resolve(file);
  try {
    const stat = statSync(absolute);
    if (stat.isFile()) return { file: absolute, name: path.basename(absolute), size: stat.size };
  } catch {
    // answered below
  }
  throw new WatchpostError('not_found', `${absolute} does not exist or is not a file`);
}
