import type { Channel } from '../../../../shared/domain/mention';
import type { NewMention } from '../../mentions/write';

// The lists live in the API contract, so the engine and the wizard can never disagree.
export { FORMAT_IDS, MAPPABLE_FIELDS, type FormatId, type MappableField } from '../../../../shared/api/imports';
import type { FormatId, MappableField, RejectCode, RejectParams } from '../../../../shared/api/imports';

/** A mention as a format reads it; the pipeline adds the source, language, sentiment and priority. */
export type ParsedMention = Omit<NewMention, 'sourceId' | 'lang' | 'sentiment' | 'priority'>;

/**
 * An input record that could not be imported. `recordNo` is what the reason names: the spreadsheet
 * row for CSV (header = row 1), the line for NDJSON, the 1-based position in the file otherwise.
 * `raw` is the record as JSON when it could be read, else its text, so a retry can start from it.
 */
export interface Reject {
  recordNo: number;
  raw: string;
  /** In English, for the CLI and logs. */
  reason: string;
  /** The same as a code + parameters the UI translates (see reject-reason.ts). */
  code?: RejectCode;
  params?: RejectParams;
}

export interface ParsedBatch {
  mentions: ParsedMention[];
  rejects: Reject[];
  /** Records read so far in this file, imported or rejected (for progress). */
  recordsRead: number;
}

/** A whole file, or a stream of its chunks (e.g. `fs.createReadStream`) for files too big to hold. */
export type ImportInput = Buffer | AsyncIterable<Buffer | string>;

/** Which column feeds which field. Plain and serialisable, so it can be saved as a named preset. */
export type FieldMapping = Partial<Record<MappableField, string>>;

export interface ParseOptions {
  /** Shown in every error, e.g. `export.csv`. */
  fileName: string;
  /** When the mentions were fetched (ms epoch); defaults to the start of the parse. */
  fetchedAt?: number;
  /** Mentions + rejects per batch; defaults to 1000. */
  batchSize?: number;
  /** IANA zone for times written without an offset (`05-03-2024 14:30`); defaults to UTC. */
  timeZone?: string;
  /** CSV / JSON / NDJSON: which column feeds which field; defaults to the suggested mapping. */
  mapping?: FieldMapping;
  /** CSV / JSON / NDJSON: channel for rows without a (known) channel column; defaults to `file`. */
  channel?: Channel;
  /** CSV: overrides the detected encoding (`utf-8`, `windows-1252`, ...) and delimiter. */
  encoding?: string;
  delimiter?: string;
  /** X archive and Facebook export: the account the export belongs to (it names no author itself). */
  accountHandle?: string;
  accountName?: string;
}

export interface FormatParser {
  id: FormatId;
  label: string;
  /** How sure (0..1) this parser is that a file starting with `sample` (decoded text) is its format. */
  sniff(sample: string, fileName: string): number;
  /**
   * Reads the file in batches. Bad records become rejects; only a file that is not this format at
   * all throws, once, a `WatchpostError('invalid_input')` naming the file and why.
   */
  parse(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch>;
}
