import { BatchCollector, batchesOf } from './batches';
import { parseJsonDocument, parseJsonLine, readLines, readText } from './json-input';
import { mentionFromRecord, suggestMapping, type MappingSettings } from './mapping';
import { commonOptions, unreadable, type CommonOptions } from './options';
import { checkMapping } from './table-mapping';
import type {
  FieldMapping,
  FormatParser,
  ImportInput,
  ParsedBatch,
  ParsedMention,
  ParseOptions,
  Reject,
} from './types';
import { asArray, asObject, getPath, type JsonObject } from './values';
import { placeText, rejectReason, type CodedReject, type RecordPlace } from './reject-reason';

const PREVIEW_RECORDS = 20;
// Where APIs and tools put the list of records when the file is an object, not an array.
const LIST_KEYS = ['data', 'items', 'records', 'results', 'mentions', 'posts', 'statuses', 'entries', 'messages'];

/** The records of a JSON document: the array itself, a list under a usual key, or the one object. */
function jsonRecords(document: unknown, fileName: string): unknown[] {
  if (Array.isArray(document)) return document;
  const object = asObject(document);
  if (!object) throw unreadable(fileName, 'the JSON holds no records: expected an array of objects or an object');
  const key = LIST_KEYS.find((name) => Array.isArray(object[name]));
  return key ? asArray(object[key]) : [object];
}

/** Leaf paths (`user.name`) found in records, in first-seen order: what a JSON mapping can name. */
function jsonPaths(records: readonly unknown[], depth = 4): string[] {
  const paths = new Set<string>();
  const walk = (value: unknown, prefix: string, level: number) => {
    const object = asObject(value);
    if (!object || level > depth) {
      if (prefix) paths.add(prefix);
      return;
    }
    for (const [key, inner] of Object.entries(object)) walk(inner, prefix ? `${prefix}.${key}` : key, level + 1);
  };
  for (const record of records) if (asObject(record)) walk(record, '', 0);
  return [...paths];
}

type Outcome = { mention: ParsedMention } | { reject: CodedReject };

function settingsFor(options: ParseOptions): MappingSettings & CommonOptions {
  return { ...commonOptions(options), columnNoun: 'field', idPrefix: 'json' };
}

function recordOutcome(record: unknown, place: RecordPlace, mapping: FieldMapping, settings: MappingSettings): Outcome {
  const recordNo = place.no;
  const rawJson = JSON.stringify(record) ?? 'null';
  if (!asObject(record)) {
    const why = rejectReason('not_an_object', place, `${placeText(place)} is not a JSON object`);
    return { reject: { recordNo, raw: rawJson, ...why } };
  }
  const result = mentionFromRecord(mapping, settings, place, (path) => getPath(record, path), rawJson);
  return 'mention' in result ? result : { reject: { recordNo, raw: rawJson, ...result } };
}

export interface JsonPreview {
  format: 'json' | 'ndjson';
  columns: string[];
  rows: JsonObject[];
  suggestedMapping: FieldMapping;
  mentions: ParsedMention[];
  rejects: Reject[];
}

/** The mapping step for JSON and NDJSON: paths found in the first 20 records and what they become. */
export async function previewJson(
  input: ImportInput,
  format: 'json' | 'ndjson',
  options: Omit<ParseOptions, 'batchSize'> = { fileName: `file.${format}` },
): Promise<JsonPreview> {
  const settings = settingsFor(options);
  const numbered: { place: RecordPlace; value: unknown }[] = [];
  if (format === 'json') {
    const records = jsonRecords(parseJsonDocument(await readText(input), options.fileName), options.fileName);
    records
      .slice(0, PREVIEW_RECORDS)
      .forEach((value, i) => numbered.push({ place: { unit: 'record', no: i + 1 }, value }));
  } else {
    for await (const line of readLines(input)) {
      const parsed = parseJsonLine(line);
      numbered.push({ place: { unit: 'line', no: line.lineNo }, value: 'value' in parsed ? parsed.value : line.text });
      if (numbered.length >= PREVIEW_RECORDS) break;
    }
  }
  const rows = numbered.map((n) => n.value).filter((value): value is JsonObject => asObject(value) !== null);
  const columns = jsonPaths(rows);
  const suggestedMapping = suggestMapping(columns);
  const mapping = options.mapping ?? suggestedMapping;
  const preview: JsonPreview = { format, columns, rows, suggestedMapping, mentions: [], rejects: [] };
  for (const { place, value } of numbered) {
    const outcome = recordOutcome(value, place, mapping, settings);
    if ('mention' in outcome) preview.mentions.push(outcome.mention);
    else preview.rejects.push(outcome.reject);
  }
  return preview;
}

async function* parseJson(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch> {
  const settings = settingsFor(options);
  const records = jsonRecords(parseJsonDocument(await readText(input), options.fileName), options.fileName);
  const paths = jsonPaths(records.slice(0, PREVIEW_RECORDS));
  const mapping = options.mapping ?? suggestMapping(paths);
  checkMapping(mapping, paths, options.fileName, 'field');
  yield* batchesOf(records, settings.batchSize, (record, recordNo, out) => {
    const outcome = recordOutcome(record, { unit: 'record', no: recordNo }, mapping, settings);
    if ('mention' in outcome) out.add(outcome.mention);
    else out.reject(recordNo, outcome.reject.raw, outcome.reject);
  });
}

async function* parseNdjson(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch> {
  const settings = settingsFor(options);
  const out = new BatchCollector(settings.batchSize);
  let mapping = options.mapping;
  let firstLine = true;
  for await (const line of readLines(input)) {
    const parsed = parseJsonLine(line);
    if ('reason' in parsed) {
      // A first line that is no JSON at all means the whole file is something else.
      if (firstLine && !/^[[{]/.test(line.text)) {
        throw unreadable(options.fileName, `this is not NDJSON (one JSON object a line): ${parsed.reason}`);
      }
      out.reject(line.lineNo, line.text, parsed);
    } else {
      if (!mapping) {
        mapping = suggestMapping(jsonPaths([parsed.value]));
        checkMapping(mapping, jsonPaths([parsed.value]), options.fileName, 'field');
      }
      const outcome = recordOutcome(parsed.value, { unit: 'line', no: line.lineNo }, mapping, settings);
      if ('mention' in outcome) out.add(outcome.mention);
      else out.reject(line.lineNo, outcome.reject.raw, outcome.reject);
    }
    firstLine = false;
    if (out.full) yield out.take();
  }
  if (firstLine) throw unreadable(options.fileName, 'the file is empty');
  if (!out.empty) yield out.take();
}

function looksLikeJson(sample: string): boolean {
  return /^\s*[[{]/.test(sample);
}

export const jsonFormat: FormatParser = {
  id: 'json',
  label: 'JSON (array of records)',
  sniff: (sample, fileName) => (/\.json$/i.test(fileName) ? 0.5 : looksLikeJson(sample) ? 0.4 : 0),
  parse: parseJson,
};

export const ndjsonFormat: FormatParser = {
  id: 'ndjson',
  label: 'NDJSON (one JSON record a line)',
  sniff(sample, fileName) {
    if (/\.(ndjson|jsonl)$/i.test(fileName)) return 0.9;
    const [first = '', second = ''] = sample.trimStart().split(/\r?\n/);
    if (!first.startsWith('{') || !second.trimStart().startsWith('{')) return 0;
    try {
      JSON.parse(first);
      return 0.6;
    } catch {
      return 0;
    }
  },
  parse: parseNdjson,
};
