import { parse, type CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { decodeChunks, decodeText, detectEncoding, isKnownEncoding, peek, type Encoding } from './decode';
import { unreadable } from './options';
import { rejectReason, type RejectReason } from './reject-reason';
import type { ImportInput } from './types';

export interface CsvRow {
  /** Spreadsheet row: the header is row 1, so the first record is row 2. */
  rowNo: number;
  values: Record<string, string>;
}

export interface CsvProblem {
  rowNo: number;
  raw: string;
  why: RejectReason;
}

export interface OpenedCsv {
  encoding: Encoding;
  delimiter: string;
  headers: string[];
  /** Rows in the order of the file, handed out a chunk at a time. */
  rows: AsyncIterable<(CsvRow | CsvProblem)[]>;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter that splits the first lines into the most consistent number (≥ 2) of fields. */
function detectDelimiter(sample: string): string {
  const lastBreak = sample.lastIndexOf('\n');
  const lines = lastBreak > 0 ? sample.slice(0, lastBreak) : sample;
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parseSync(lines, {
        delimiter,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        to: 20,
      });
    } catch {
      continue;
    }
    const width = records[0]?.length ?? 0;
    if (width < 2) continue;
    const consistent = records.filter((record) => record.length === width).length / records.length;
    const score = consistent + width / 1000;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Unique, non-empty column names: duplicates get ` (2)`, blanks are named by position. */
function headerNames(record: string[]): string[] {
  const seen = new Map<string, number>();
  return record.map((cell, index) => {
    const base = cell.trim() || `column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function csvErrorReason(rowNo: number, err: CsvError | undefined): RejectReason {
  const place = { unit: 'row', no: rowNo } as const;
  if (err?.code === 'CSV_QUOTE_NOT_CLOSED') {
    const reason = `row ${rowNo}: a quoted field is never closed, so the rest of the file is one broken row`;
    return rejectReason('csv_quote_unclosed', place, reason);
  }
  const detail = err?.message ?? 'the row could not be read';
  return rejectReason('csv_malformed', place, `row ${rowNo}: ${detail}`, { detail });
}

/**
 * Opens a CSV: detects encoding and delimiter from the first 64 KB (unless given), reads the
 * header and then streams the rows. Quoted fields may hold delimiters, doubled quotes and line
 * breaks. A row that cannot be split comes out as a problem with its text, not as an exception.
 */
export async function openCsv(
  input: ImportInput,
  options: { fileName: string; encoding?: string; delimiter?: string },
): Promise<OpenedCsv> {
  const { fileName } = options;
  if (options.encoding && !isKnownEncoding(options.encoding))
    throw unreadable(fileName, `unknown encoding '${options.encoding}'`);
  const peeked = await peek(input);
  if (peeked.head.length === 0) throw unreadable(fileName, 'the file is empty');
  const detected = detectEncoding(peeked.head, peeked.complete);
  const encoding = options.encoding ?? detected.encoding;
  if (!detected.encoding.startsWith('utf-16') && peeked.head.includes(0)) {
    throw unreadable(
      fileName,
      'this is not a CSV file: it contains binary data (is it an Excel .xlsx? Save it as CSV first)',
    );
  }
  const delimiter = options.delimiter ?? detectDelimiter(decodeText(peeked.head, encoding));

  // csv-parse runs synchronously inside write(): rows are converted in its callbacks and handed
  // out a chunk at a time, so a million rows cost a few hundred awaits, not a million.
  let headers: string[] | null = null;
  let pending: (CsvRow | CsvProblem)[] = [];
  let failure: Error | null = null;
  let rowNo = 0;
  const parser = parse({
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    // Returning null keeps every record out of the stream's buffer; csv-parse types the
    // callback as returning a record, hence the cast.
    on_record: (value: unknown) => {
      const { record, raw } = value as { record: string[]; raw: string };
      rowNo += 1;
      if (headers === null) headers = headerNames(record);
      else {
        const row = toRow(rowNo, record, raw, headers, delimiter);
        if (row) pending.push(row);
      }
      return null as unknown as string[];
    },
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      rowNo += 1;
      pending.push({ rowNo, raw: raw ?? '', why: csvErrorReason(rowNo, err) });
      return undefined;
    },
  });
  parser.on('error', (err: Error) => (failure = err));
  const source = decodeChunks(peeked.chunks, encoding)[Symbol.asyncIterator]();

  /** Feeds the parser one more chunk; false when the input is used up. */
  async function feed(): Promise<boolean> {
    const next = await source.next();
    if (next.done) await new Promise<void>((resolve) => parser.end(resolve));
    else parser.write(next.value);
    if (failure) throw unreadable(fileName, `the CSV cannot be read: ${failure.message}`);
    return !next.done;
  }

  while (headers === null && (await feed()));
  if (headers === null) {
    const problem = pending.find((row): row is CsvProblem => 'why' in row);
    throw unreadable(fileName, problem?.why.reason ?? 'the file has no header row');
  }
  const names: string[] = headers;

  async function* rows(): AsyncIterable<(CsvRow | CsvProblem)[]> {
    for (let more = true; more;) {
      if (pending.length === 0) more = await feed();
      if (pending.length > 0) {
        const ready = pending;
        pending = [];
        yield ready;
      }
    }
  }
  return { encoding, delimiter, headers: names, rows: rows() };
}

/** A record as header → cell; null for a row of empty cells (spreadsheets pad with them). */
function toRow(
  rowNo: number,
  record: string[],
  raw: string,
  headers: string[],
  delimiter: string,
): CsvRow | CsvProblem | null {
  if (record.every((cell) => cell.trim() === '')) return null;
  if (record.slice(headers.length).some((cell) => cell.trim() !== '')) {
    const reason = `row ${rowNo}: has ${record.length} fields but the header names ${headers.length}; is a quote missing, or is the delimiter not '${printable(delimiter)}'?`;
    const counts = { found: record.length, expected: headers.length, delimiter: printable(delimiter) };
    return { rowNo, raw, why: rejectReason('csv_field_count', { unit: 'row', no: rowNo }, reason, counts) };
  }
  const values: Record<string, string> = {};
  headers.forEach((header, i) => (values[header] = record[i] ?? ''));
  return { rowNo, values };
}

function printable(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}
