import type { JobInfo } from '../../../../shared/api/events';
import type { FieldMapping, FormatId } from '../../../../shared/api/imports';
import type { Channel } from '../../../../shared/domain/mention';
import { JobCancelled, type JobRunner } from '../../jobs/runner';
import type { Db } from '../../store/db';
import { importFiles, type ImportPipeline } from '../import-files';
import type { IngestCounts } from '../pipeline';
import type { UploadStore } from './uploads';

export interface ImportUploadRequest {
  upload: string;
  format?: FormatId;
  mapping?: FieldMapping;
  channel?: Channel;
  accountHandle?: string;
  timeZone?: string;
}

interface Deps {
  db: Db;
  jobs: JobRunner;
  pipeline: ImportPipeline;
  uploads: UploadStore;
}

/**
 * Imports an uploaded file as a job, exactly as `ingest.importFiles` imports a path, but under the
 * name the operator knows: rejects and the summary say `export.csv`, not the temp file. The upload
 * is removed when the job ends, however it ends. A cancelled job says how much it kept.
 */
export function importUpload(deps: Deps, request: ImportUploadRequest): JobInfo {
  const { file, name } = deps.uploads.file(request.upload);
  const kept: IngestCounts = { imported: 0, duplicates: 0, rejected: 0 };
  const pipeline: ImportPipeline = {
    enrich: (origin, parsed) => deps.pipeline.enrich(origin, parsed),
    enrichment: () => deps.pipeline.enrichment(),
    runAfterStore: (added) => deps.pipeline.runAfterStore(added),
    announce: (count, newestAt) => deps.pipeline.announce(count, newestAt),
    commit(origin, mentions, rejects, options) {
      const counts = deps.pipeline.commit({ ...origin, file: name }, mentions, rejects, options);
      kept.imported += counts.imported;
      kept.duplicates += counts.duplicates;
      kept.rejected += counts.rejected;
      return counts;
    },
  };
  const { upload, ...options } = request;
  return deps.jobs.start('import', `import ${name}`, async (control) => {
    try {
      const summary = await importFiles(deps.db, pipeline, { ...options, files: [file] }, control);
      const read = summary.files[0];
      if (read?.error) throw new Error(read.error);
      const message = `${name}: ${kept.imported} imported, ${kept.duplicates} already there, ${kept.rejected} rejected`;
      return {
        message,
        result: {
          ...kept,
          file: name,
          format: read?.format ?? null,
          rejects: summary.rejects.map((reject) => ({ ...reject, file: name })),
        },
      };
    } catch (err) {
      if (!(err instanceof JobCancelled)) throw err;
      throw new JobCancelled({
        message: `${name}: stopped; the ${kept.imported} mentions imported before the stop are kept`,
        result: { ...kept, file: name, cancelled: true },
      });
    } finally {
      deps.uploads.discard(upload);
    }
  });
}
