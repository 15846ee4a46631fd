import { z } from 'zod';
import { Channel } from '../domain/mention';

/**
 * Schemas of the import wizard (upload → preview → mapping → import) and of the rejected-records
 * view, kept apart from contract.ts so that file stays a list of methods.
 */

export const FORMAT_IDS = [
  'csv',
  'json',
  'ndjson',
  'x-archive',
  'x-api',
  'facebook',
  'mastodon',
  'bluesky',
  'rss',
] as const;
export const FormatId = z.enum(FORMAT_IDS);
export type FormatId = z.infer<typeof FormatId>;

/** Formats read through a column (CSV) or path (JSON) mapping. */
const TABLE_FORMATS = ['csv', 'json', 'ndjson'] as const;
export const TableFormat = z.enum(TABLE_FORMATS);
export type TableFormat = z.infer<typeof TableFormat>;

export const MAPPABLE_FIELDS = [
  'externalId',
  'createdAt',
  'author',
  'authorName',
  'text',
  'channel',
  'url',
  'reach',
  'parentId',
  'geo',
] as const;
export const MappableField = z.enum(MAPPABLE_FIELDS);
export type MappableField = z.infer<typeof MappableField>;

export const FieldMapping = z.partialRecord(MappableField, z.string().min(1));
export type FieldMapping = z.infer<typeof FieldMapping>;

/** An uploaded file's handle: a random id the engine gave out. */
export const UploadId = z.string().regex(/^[0-9a-f-]{36}$/, 'is not an upload id');

/** Base64 per call; the browser sends a large file as several chunks. */
const MAX_UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** An upload larger than this is refused: import such a file from the command line. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export const UploadInput = z
  .object({
    /** Absent on the first chunk: the engine starts a new upload. */
    upload: UploadId.optional(),
    name: z.string().trim().min(1, 'name the file').max(255),
    offset: z.number().int().min(0),
    data: z.string().max(Math.ceil(MAX_UPLOAD_CHUNK_BYTES / 3) * 4, 'send at most 4 MB per chunk'),
    done: z.boolean(),
  })
  .strict();

export const UploadInfo = z.object({
  upload: UploadId,
  name: z.string(),
  size: z.number().int(),
  complete: z.boolean(),
});
export type UploadInfo = z.infer<typeof UploadInfo>;

/** How the file is read: what the operator chose in the wizard, else what the engine detects. */
const ReadOptions = z.object({
  format: FormatId.optional(),
  mapping: FieldMapping.optional(),
  channel: Channel.optional(),
  accountHandle: z.string().trim().min(1).max(200).optional(),
  timeZone: z.string().min(1).max(64).optional(),
});

export const PreviewInput = ReadOptions.extend({
  upload: UploadId.optional(),
  file: z.string().min(1).optional(),
})
  .strict()
  .refine((input) => Boolean(input.upload) !== Boolean(input.file), 'name either an upload or a file');

/**
 * Why a record was rejected, as a stable code the UI translates. The engine keeps an English
 * sentence beside it (CLI, logs); rejects kept before codes existed have only that sentence.
 */
export const REJECT_CODES = [
  /** A CSV row with a quoted field that is never closed: the rest of the file is one broken row. */
  'csv_quote_unclosed',
  /** Any other CSV row that could not be split into fields: `detail` is the parser's message. */
  'csv_malformed',
  /** A CSV row with more or fewer fields than the header: `found`, `expected`, `delimiter`. */
  'csv_field_count',
  /** A line or record that is not valid JSON: `detail` is the parser's message. */
  'json_invalid',
  /** A JSON value that is not an object (a number, a list, ...) where a record was expected. */
  'not_an_object',
  /** A record of the right file that is not a post of its kind (an ActivityPub Follow, a boost without text). */
  'not_a_post',
  /** The record has no id of its own (`field` names which). */
  'id_missing',
  /** The field mapped to the text is empty, or holds no text (`value`). */
  'text_missing',
  /** A post with nothing to show: no text, title, link or media description. */
  'content_missing',
  /** The field mapped to the time is empty or absent. */
  'time_missing',
  /** The time field holds something that is not a date (`value`). */
  'date_unparseable',
  /** An X API v2 response without created_at: it must be requested with tweet.fields=created_at. */
  'time_not_requested',
  /** The field mapped to the reach holds something that is not a number (`value`). */
  'number_unparseable',
  /** Fields of a pushed mention (webhook) that are missing or of the wrong type: `detail` lists them. */
  'fields_invalid',
  /** A record of a shape nobody foresaw: `detail` is the error. */
  'unreadable',
] as const;
export const RejectCode = z.enum(REJECT_CODES);
export type RejectCode = z.infer<typeof RejectCode>;

/** What a record is called in its input: the spreadsheet row, the NDJSON line, the n-th post... */
export const RECORD_UNITS = [
  'row',
  'line',
  'record',
  'post',
  'tweet',
  'status',
  'item',
  'entry',
  'mention',
  'comment_thread',
] as const;
export const RecordUnit = z.enum(RECORD_UNITS);
export type RecordUnit = z.infer<typeof RecordUnit>;

/** Where a rejected record is (`unit` `no`, and `part` within it) and what about it failed. */
export const RejectParams = z.object({
  unit: RecordUnit,
  no: z.number().int(),
  /** The n-th tweet of one NDJSON line (a saved v2 response holds several). */
  part: z.number().int().optional(),
  /** The record's own id, when it has one. */
  id: z.string().optional(),
  /** The column (CSV) or field (JSON) that failed, as the file names it. */
  field: z.string().optional(),
  fieldKind: z.enum(['column', 'field']).optional(),
  /** The value found there, as written (shortened when long). */
  value: z.string().optional(),
  /** The parser's own words, in English (a JSON syntax error, a list of field problems). */
  detail: z.string().optional(),
  found: z.number().int().optional(),
  expected: z.number().int().optional(),
  delimiter: z.string().optional(),
});
export type RejectParams = z.infer<typeof RejectParams>;

/** One record of the preview, as it would be imported, or why it would be rejected. */
export const PreviewRow = z.object({
  mention: z
    .object({
      channel: Channel,
      externalId: z.string(),
      author: z.string().nullable(),
      authorName: z.string().nullable(),
      text: z.string(),
      createdAt: z.iso.datetime(),
      url: z.string().nullable(),
    })
    .nullable(),
  reject: z.string().nullable(),
  /** The reject as a code the UI translates; absent for a mention. */
  rejectWhy: z.object({ code: RejectCode, params: RejectParams }).optional(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const ImportPreview = z.object({
  fileName: z.string(),
  size: z.number().int(),
  /** What the engine recognised on its own, and every format that recognised something. */
  detected: z.object({ format: FormatId, confidence: z.number() }).nullable(),
  candidates: z.array(z.object({ format: FormatId, confidence: z.number() })),
  /** The format the rows were read with; null when it is not known (pick one). */
  format: FormatId.nullable(),
  /** Only for CSV, JSON and NDJSON: the columns and the mapping. */
  table: z
    .object({
      columns: z.array(z.string()),
      delimiter: z.string().nullable(),
      encoding: z.string().nullable(),
      suggestedMapping: FieldMapping,
      mapping: FieldMapping,
    })
    .nullable(),
  /** The first 20 records, in file order. */
  rows: z.array(PreviewRow),
  /** Why nothing can be imported as it stands (unknown format, a mapping without text), for a person. */
  problem: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportUploadInput = ReadOptions.extend({ upload: UploadId }).strict();

export const MappingPreset = z.object({
  id: z.number().int(),
  name: z.string(),
  format: TableFormat,
  mapping: FieldMapping,
  channel: Channel.nullable(),
  timeZone: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type MappingPreset = z.infer<typeof MappingPreset>;

export const SavePresetInput = z
  .object({
    name: z.string().trim().min(1, 'give the preset a name').max(80),
    format: TableFormat,
    mapping: FieldMapping,
    channel: Channel.nullable().optional(),
    timeZone: z.string().min(1).max(64).nullable().optional(),
  })
  .strict();

/** Rejects grouped by where they came from: one file, or one live source. */
export const RejectGroup = z.object({
  sourceId: z.number().int(),
  sourceName: z.string(),
  sourceKind: z.string(),
  file: z.string().nullable(),
  count: z.number().int(),
  lastAt: z.iso.datetime(),
  /** Set when the records can be read again with another mapping: the format and the columns seen. */
  retry: z.object({ format: TableFormat, columns: z.array(z.string()), suggestedMapping: FieldMapping }).nullable(),
});
export type RejectGroup = z.infer<typeof RejectGroup>;

export const RejectsOfInput = z
  .object({
    sourceId: z.number().int(),
    file: z.string().nullable(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const RetryRejectsInput = z
  .object({
    sourceId: z.number().int(),
    file: z.string().min(1),
    mapping: FieldMapping,
    format: TableFormat.optional(),
    channel: Channel.optional(),
    timeZone: z.string().min(1).max(64).optional(),
  })
  .strict();

export const RetryOutcome = z.object({
  retried: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  stillRejected: z.number().int(),
});
export type RetryOutcome = z.infer<typeof RetryOutcome>;
