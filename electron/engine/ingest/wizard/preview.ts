import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FieldMapping, ImportPreview, PreviewRow } from '../../../../shared/api/imports';
import { WatchpostError } from '../../../../shared/api/result';
import type { Channel } from '../../../../shared/domain/mention';
import { detectFormat, formatById, previewCsv, previewJson, type FormatId, type ParsedMention } from '../formats';

const PREVIEW_RECORDS = 20;
const SNIFF_BYTES = 64 * 1024;

export interface PreviewRequest {
  /** Where the file is on disk, and the name the operator knows it by. */
  file: string;
  name: string;
  size: number;
  format?: FormatId;
  mapping?: FieldMapping;
  channel?: Channel;
  timeZone?: string;
  accountHandle?: string;
}

/**
 * The wizard's second step: which format this is, how sure the engine is, the columns and the
 * suggested mapping (CSV, JSON, NDJSON), and the first 20 records exactly as the import would read
 * them, each a mention or the reason it would be rejected.
 */
export async function previewFile(request: PreviewRequest): Promise<ImportPreview> {
  const detected = detectFormat(request.name, await head(request.file));
  const format = request.format ?? detected?.format ?? null;
  const preview: ImportPreview = {
    fileName: request.name,
    size: request.size,
    detected: detected ? { format: detected.format, confidence: detected.confidence } : null,
    candidates: detected?.candidates ?? [],
    format,
    table: null,
    rows: [],
    problem: null,
  };
  if (format === null) {
    preview.problem = `${request.name}: the format could not be recognised; pick the format of this file`;
    return preview;
  }
  const streams: ReadStream[] = [];
  const stream = () => {
    const opened = createReadStream(request.file, { highWaterMark: 256 * 1024 });
    streams.push(opened);
    return opened;
  };
  const options = {
    fileName: request.name,
    channel: request.channel,
    timeZone: request.timeZone,
    accountHandle: request.accountHandle,
  };
  try {
    let mapping = request.mapping;
    if (format === 'csv') {
      const csv = await previewCsv(stream(), options);
      mapping ??= csv.suggestedMapping;
      preview.table = {
        columns: csv.headers,
        delimiter: csv.delimiter,
        encoding: csv.encoding,
        suggestedMapping: csv.suggestedMapping,
        mapping,
      };
    } else if (format === 'json' || format === 'ndjson') {
      const json = await previewJson(stream(), format, options);
      mapping ??= json.suggestedMapping;
      preview.table = {
        columns: json.columns,
        delimiter: null,
        encoding: null,
        suggestedMapping: json.suggestedMapping,
        mapping,
      };
    }
    preview.rows = await firstRecords(format, stream(), { ...options, mapping });
  } catch (err) {
    if (!(err instanceof WatchpostError)) throw err;
    preview.problem = err.message;
  } finally {
    for (const opened of streams) opened.destroy();
  }
  return preview;
}

/** One record per batch, so mentions and rejects come out in the order of the file. */
async function firstRecords(
  format: FormatId,
  input: ReadStream,
  options: Parameters<ReturnType<typeof formatById>['parse']>[1],
): Promise<PreviewRow[]> {
  const rows: PreviewRow[] = [];
  for await (const batch of formatById(format).parse(input, { ...options, batchSize: 1 })) {
    for (const mention of batch.mentions) rows.push({ mention: shown(mention), reject: null });
    for (const reject of batch.rejects) {
      const why = reject.code && reject.params ? { code: reject.code, params: reject.params } : undefined;
      rows.push({ mention: null, reject: reject.reason, ...(why ? { rejectWhy: why } : {}) });
    }
    if (rows.length >= PREVIEW_RECORDS) break;
  }
  return rows.slice(0, PREVIEW_RECORDS);
}

function shown(mention: ParsedMention): NonNullable<PreviewRow['mention']> {
  return {
    channel: mention.channel,
    externalId: mention.externalId,
    author: mention.author?.handle ?? null,
    authorName: mention.author?.displayName ?? null,
    text: mention.text,
    createdAt: new Date(mention.createdAt).toISOString(),
    url: mention.url,
  };
}

async function head(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
