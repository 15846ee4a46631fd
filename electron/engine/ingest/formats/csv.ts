import { BatchCollector } from './batches';
import { openCsv, type CsvProblem, type CsvRow } from './csv-read';
import { mentionFromRecord, suggestMapping, type MappingSettings } from './mapping';
import { commonOptions, type CommonOptions } from './options';
import type { CodedReject } from './reject-reason';
import { checkMapping } from './table-mapping';
import type {
  FieldMapping,
  FormatParser,
  ImportInput,
  ParsedBatch,
  ParseOptions,
  ParsedMention,
  Reject,
} from './types';

const PREVIEW_ROWS = 20;

export interface CsvPreview {
  encoding: string;
  delimiter: string;
  headers: string[];
  /** The first 20 rows as header → cell. */
  rows: Record<string, string>[];
  suggestedMapping: FieldMapping;
  /** What those rows become with `mapping` (or the suggestion): shown before the import starts. */
  mentions: ParsedMention[];
  rejects: Reject[];
}

/** Reads the start of a CSV for the mapping step: layout, columns, 20 rows and what they become. */
export async function previewCsv(
  input: ImportInput,
  options: Omit<ParseOptions, 'batchSize'> = { fileName: 'file.csv' },
): Promise<CsvPreview> {
  const settings = settingsFor(options);
  const csv = await openCsv(input, options);
  const suggestedMapping = suggestMapping(csv.headers);
  const mapping = options.mapping ?? suggestedMapping;
  const preview: CsvPreview = { ...csv, rows: [], suggestedMapping, mentions: [], rejects: [] };
  for await (const chunk of csv.rows) {
    for (const row of chunk.slice(0, PREVIEW_ROWS - preview.mentions.length - preview.rejects.length)) {
      if ('values' in row) preview.rows.push(row.values);
      const outcome = rowOutcome(row, mapping, settings);
      if ('mention' in outcome) preview.mentions.push(outcome.mention);
      else preview.rejects.push(outcome.reject);
    }
    if (preview.mentions.length + preview.rejects.length >= PREVIEW_ROWS) break;
  }
  return preview;
}

function settingsFor(options: ParseOptions): MappingSettings & CommonOptions {
  return { ...commonOptions(options), columnNoun: 'column', idPrefix: 'csv' };
}

function rowOutcome(
  row: CsvRow | CsvProblem,
  mapping: FieldMapping,
  settings: MappingSettings,
): { mention: ParsedMention } | { reject: CodedReject } {
  if (!('values' in row)) return { reject: { recordNo: row.rowNo, raw: row.raw, ...row.why } };
  const rawJson = JSON.stringify(row.values);
  const place = { unit: 'row', no: row.rowNo } as const;
  const result = mentionFromRecord(mapping, settings, place, (column) => row.values[column], rawJson);
  return 'mention' in result ? result : { reject: { recordNo: row.rowNo, raw: rawJson, ...result } };
}

async function* parseCsv(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch> {
  const settings = settingsFor(options);
  const csv = await openCsv(input, options);
  const mapping = options.mapping ?? suggestMapping(csv.headers);
  checkMapping(mapping, csv.headers, options.fileName, 'column');
  const out = new BatchCollector(settings.batchSize);
  for await (const chunk of csv.rows) {
    for (const row of chunk) {
      const outcome = rowOutcome(row, mapping, settings);
      if ('mention' in outcome) out.add(outcome.mention);
      else out.reject(outcome.reject.recordNo, outcome.reject.raw, outcome.reject);
      if (out.full) yield out.take();
    }
  }
  if (!out.empty) yield out.take();
}

export const csvFormat: FormatParser = {
  id: 'csv',
  label: 'CSV (spreadsheet)',
  sniff(sample, fileName) {
    if (/\.(csv|tsv)$/i.test(fileName)) return 0.8;
    const trimmed = sample.trimStart();
    if (/^[[{<]/.test(trimmed) || trimmed.startsWith('window.YTD')) return 0;
    const [first = '', second = ''] = trimmed.split(/\r?\n/);
    const count = (line: string, d: string) => line.split(d).length - 1;
    const shared = [',', ';', '\t', '|'].some((d) => count(first, d) > 0 && count(first, d) === count(second, d));
    return shared ? 0.4 : 0.05;
  },
  parse: parseCsv,
};
