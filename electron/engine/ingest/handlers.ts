import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';
import { importFiles } from './import-files';
import { REJECT_COLUMNS, toRejectedRecord, type RejectRow } from './reject-rows';

export function ingestHandlers(engine: Engine): Pick<Handlers, 'ingest.importFiles' | 'ingest.rejects'> {
  const countRejects = engine.db.prepare<[], number>('SELECT count(*) FROM rejected_records').pluck();
  const pageRejects = engine.db.prepare<[number, number], RejectRow>(
    `SELECT ${REJECT_COLUMNS} FROM rejected_records ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
  );

  return {
    'ingest.importFiles': (input) => {
      const label = input.files.length === 1 ? `import ${input.files[0]}` : `import of ${input.files.length} files`;
      return engine.jobs.start('import', label, async (control) => {
        const summary = await importFiles(engine.db, engine.pipeline, input, control);
        const unreadable = summary.files.filter((file) => file.error).length;
        const message =
          `${summary.imported.toLocaleString('en-GB')} imported, ${summary.duplicates.toLocaleString('en-GB')} already there, ` +
          `${summary.rejected.toLocaleString('en-GB')} rejected` +
          (unreadable ? `; ${unreadable} file${unreadable === 1 ? '' : 's'} could not be read` : '');
        return { message, result: { ...summary } };
      });
    },
    'ingest.rejects': (input) => ({
      total: countRejects.get() ?? 0,
      rows: pageRejects.all(input.limit, input.offset).map(toRejectedRecord),
    }),
  };
}
