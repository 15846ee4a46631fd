// The file-import formats: each turns a file into normalized mentions plus rejects with reasons.
export type {
  FieldMapping,
  FormatId,
  FormatParser,
  ImportInput,
  MappableField,
  ParsedBatch,
  ParsedMention,
  ParseOptions,
  Reject,
} from './types';
export { FORMAT_IDS, MAPPABLE_FIELDS } from './types';
export { detectFormat, FORMATS, formatById, type DetectedFormat } from './registry';
export { collectBatches } from './batches';
export { previewCsv, type CsvPreview } from './csv';
export { previewJson, type JsonPreview } from './json';
export { suggestMapping } from './mapping';
export { readArchiveAccount, readArchiveAccountBeside, type ArchiveAccount } from './x-archive';
// For the live connectors, so a polled post and an imported one become the same mention.
export { decodeFeed } from './feed-decode';
export { feedEntryMention, readFeed } from './rss';
export { htmlToText } from './html-text';
