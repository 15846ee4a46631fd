import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { WatchpostError } from '../../../shared/api/result';
import type { JobControl } from '../jobs/runner';
import { ensureSource, withBulkWal } from '../mentions/write';
import type { Db } from '../store/db';
import { detectFormat, formatById, readArchiveAccountBeside } from './formats';
import { FORMAT_IDS, type FieldMapping, type FormatId, type Reject } from './formats/types';
import type { Channel } from '../../../shared/domain/mention';
import type { IngestPipeline } from './pipeline';

export interface ImportRequest {
  files: string[];
  format?: FormatId;
  mapping?: FieldMapping;
  channel?: Channel;
  accountHandle?: string;
  timeZone?: string;
}

export interface FileSummary {
  file: string;
  format: FormatId | null;
  imported: number;
  duplicates: number;
  rejected: number;
  /** Why the file could not be read at all; null when it was read (rejects or not). */
  error: string | null;
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  rejected: number;
  files: FileSummary[];
  /** The first rejects, with the reason; all of them are kept in rejected_records. */
  rejects: (Reject & { file: string })[];
}

const SHOWN_REJECTS = 100;
const SNIFF_BYTES = 64 * 1024;

/**
 * Imports files through the pipeline, one batch per transaction with a checkpoint between batches,
 * so an import can be cancelled (what was committed stays) and a crash leaves a sound store.
 */
export async function importFiles(
  db: Db,
  pipeline: Pick<IngestPipeline, 'store'>,
  request: ImportRequest,
  control: Pick<JobControl, 'progress' | 'checkpoint'>,
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, duplicates: 0, rejected: 0, files: [], rejects: [] };
  const sizes = request.files.map((file) => sizeOf(file));
  const totalBytes = sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0);
  let bytesBefore = 0;
  const sourceId = ensureSource(db, 'file', 'File imports');
  await withBulkWal(db, async () => {
    for (const [index, file] of request.files.entries()) {
      const absolute = path.resolve(file);
      const fileSummary: FileSummary = {
        file: absolute,
        format: null,
        imported: 0,
        duplicates: 0,
        rejected: 0,
        error: null,
      };
      summary.files.push(fileSummary);
      try {
        if (sizes[index] === null)
          throw new WatchpostError('invalid_input', `${absolute} does not exist or cannot be read`);
        const format = request.format ?? (await sniff(absolute));
        fileSummary.format = format;
        let bytesRead = 0;
        const input = countingStream(absolute, (bytes) => {
          bytesRead += bytes;
        });
        // An X archive names its owner only in the account.js beside tweets.js.
        const account =
          format === 'x-archive' && !request.accountHandle ? await readArchiveAccountBeside(absolute) : null;
        const batches = formatById(format).parse(input, {
          fileName: path.basename(absolute),
          mapping: request.mapping,
          channel: request.channel,
          accountHandle: request.accountHandle ?? account?.handle,
          accountName: account?.displayName ?? undefined,
          // Times written without an offset are the operator's local times.
          timeZone: request.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        });
        for await (const batch of batches) {
          const counts = pipeline.store({ sourceId, file: absolute }, batch);
          fileSummary.imported += counts.imported;
          fileSummary.duplicates += counts.duplicates;
          fileSummary.rejected += counts.rejected;
          for (const reject of batch.rejects) {
            if (summary.rejects.length < SHOWN_REJECTS) summary.rejects.push({ ...reject, file: absolute });
          }
          control.progress(bytesBefore + bytesRead, totalBytes);
          await control.checkpoint();
        }
      } catch (err) {
        if (!(err instanceof WatchpostError)) throw err;
        fileSummary.error = err.message;
      } finally {
        summary.imported += fileSummary.imported;
        summary.duplicates += fileSummary.duplicates;
        summary.rejected += fileSummary.rejected;
        bytesBefore += sizes[index] ?? 0;
      }
    }
  });
  control.progress(totalBytes, totalBytes);
  return summary;
}

async function sniff(file: string): Promise<FormatId> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of createReadStream(file, { start: 0, end: SNIFF_BYTES - 1 })) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
  }
  const detected = detectFormat(path.basename(file), Buffer.concat(chunks, length));
  if (detected) return detected.format;
  throw new WatchpostError(
    'invalid_input',
    `${file}: the format could not be recognised; name it with --format (${FORMAT_IDS.join(', ')})`,
  );
}

async function* countingStream(file: string, onBytes: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    onBytes((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}

function sizeOf(file: string): number | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
