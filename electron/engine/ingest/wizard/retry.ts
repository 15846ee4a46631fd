import path from 'node:path';
import type { FieldMapping, RetryOutcome, TableFormat } from '../../../../shared/api/imports';
import { WatchpostError } from '../../../../shared/api/result';
import type { Channel } from '../../../../shared/domain/mention';
import type { Db } from '../../store/db';
import { previewJson, suggestMapping, type ParsedMention, type Reject } from '../formats';
import { mentionFromRecord } from '../formats/mapping';
import { commonOptions } from '../formats/options';
import { checkMapping } from '../formats/table-mapping';
import { asObject, getPath } from '../formats/values';
import type { IngestPipeline } from '../pipeline';

const BATCH = 500;
const COLUMN_SAMPLE = 200;

export interface RetryRequest {
  sourceId: number;
  file: string;
  mapping: FieldMapping;
  format?: TableFormat;
  channel?: Channel;
  timeZone?: string;
}

interface RejectRow {
  id: number;
  record_no: number | null;
  raw: string;
}

/** The mapping format a file was read with, from its name; null for formats that map nothing (X, RSS, ...). */
export function tableFormatOf(file: string): TableFormat | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.json') return 'json';
  return null;
}

/** A kept record as the mapping reads it: CSV rows and JSON records are kept as JSON objects. */
function recordOf(raw: string): Record<string, unknown> | null {
  try {
    return asObject(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** The columns (CSV) or paths (JSON) seen in a file's rejects, and the mapping a person would start from. */
export async function rejectColumns(
  db: Db,
  sourceId: number,
  file: string,
  format: TableFormat,
): Promise<{ columns: string[]; suggestedMapping: FieldMapping }> {
  const raws = db
    .prepare<[number, string, number], string>(
      'SELECT raw FROM rejected_records WHERE source_id = ? AND file = ? ORDER BY record_no LIMIT ?',
    )
    .pluck()
    .all(sourceId, file, COLUMN_SAMPLE);
  const records = raws.map(recordOf).filter((record) => record !== null);
  if (format === 'csv') {
    const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
    return { columns, suggestedMapping: suggestMapping(columns) };
  }
  if (records.length === 0) return { columns: [], suggestedMapping: {} };
  const lines = Buffer.from(records.map((record) => JSON.stringify(record)).join('\n'), 'utf8');
  const json = await previewJson(lines, 'ndjson', { fileName: path.basename(file) });
  return { columns: json.columns, suggestedMapping: json.suggestedMapping };
}

/**
 * Reads a file's rejected records again with a corrected mapping. Records that now make a mention
 * are stored (or found already there) and leave rejected_records in the same transaction; the
 * rest stay with their new reason. Yields between batches, so the inbox keeps answering.
 */
export async function retryRejects(db: Db, pipeline: IngestPipeline, request: RetryRequest): Promise<RetryOutcome> {
  const fileName = path.basename(request.file);
  const format = request.format ?? tableFormatOf(request.file);
  if (!format) {
    throw new WatchpostError(
      'invalid_input',
      `${fileName} was not read through a column mapping, so its records cannot be retried with one`,
    );
  }
  const rows = db
    .prepare<[number, string], RejectRow>(
      'SELECT id, record_no, raw FROM rejected_records WHERE source_id = ? AND file = ? ORDER BY record_no',
    )
    .all(request.sourceId, request.file);
  if (rows.length === 0) throw new WatchpostError('not_found', `${fileName} has no rejected records (any more)`);

  const noun = format === 'csv' ? 'column' : 'field';
  const { columns } = await rejectColumns(db, request.sourceId, request.file, format);
  checkMapping(request.mapping, columns, fileName, noun);
  const settings = {
    ...commonOptions({ fileName, channel: request.channel, timeZone: request.timeZone }),
    columnNoun: noun,
    idPrefix: format === 'csv' ? 'csv' : 'json',
  } as const;
  const forget = db.prepare<[number]>('DELETE FROM rejected_records WHERE id = ?');
  const markRetried = db.prepare<[number, number]>('UPDATE rejected_records SET retried_at = ? WHERE id = ?');
  const outcome: RetryOutcome = { retried: rows.length, imported: 0, duplicates: 0, stillRejected: 0 };

  for (let start = 0; start < rows.length; start += BATCH) {
    const mentions: ParsedMention[] = [];
    const fixed: number[] = [];
    const still: (Reject & { id: number })[] = [];
    for (const row of rows.slice(start, start + BATCH)) {
      const recordNo = row.record_no ?? 0;
      const record = recordOf(row.raw);
      // A row that could not even be split into fields (a missing quote) needs the file fixed, not the mapping.
      if (!record) {
        still.push({ id: row.id, recordNo, raw: row.raw, reason: '' });
        continue;
      }
      const unit = format === 'csv' ? 'row' : format === 'ndjson' ? 'line' : 'record';
      const place = { unit, no: recordNo } as const;
      const result = mentionFromRecord(request.mapping, settings, place, (column) => getPath(record, column), row.raw);
      if ('mention' in result) {
        mentions.push(result.mention);
        fixed.push(row.id);
      } else still.push({ id: row.id, recordNo, raw: row.raw, ...result });
    }
    const now = Date.now();
    const counts = db.transaction(() => {
      const reasoned = still.filter((reject) => reject.reason !== '');
      const stored = pipeline.store(
        { sourceId: request.sourceId, file: request.file },
        { mentions, rejects: reasoned, recordsRead: mentions.length + reasoned.length },
      );
      for (const id of fixed) forget.run(id);
      for (const reject of still) markRetried.run(now, reject.id);
      return stored;
    })();
    outcome.imported += counts.imported;
    outcome.duplicates += counts.duplicates;
    outcome.stillRejected += still.length;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return outcome;
}
