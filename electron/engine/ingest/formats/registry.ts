import { blueskyFormat } from './bluesky';
import { csvFormat } from './csv';
import { facebookFormat } from './facebook';
import { decodeFeed } from './feed-decode';
import { jsonFormat, ndjsonFormat } from './json';
import { mastodonFormat } from './mastodon';
import { rssFormat } from './rss';
import type { FormatId, FormatParser } from './types';
import { xApiFormat } from './x-api';
import { xArchiveFormat } from './x-archive';

/** Every file format, the specific ones first: on a tie the more specific format wins. */
export const FORMATS: readonly FormatParser[] = [
  xArchiveFormat,
  xApiFormat,
  blueskyFormat,
  mastodonFormat,
  facebookFormat,
  rssFormat,
  ndjsonFormat,
  jsonFormat,
  csvFormat,
];

export function formatById(id: FormatId): FormatParser {
  const format = FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new Error(`no parser for format ${id}`);
  return format;
}

export interface DetectedFormat {
  format: FormatId;
  confidence: number;
  /** Every format that recognised something, most likely first (for a "did you mean" choice). */
  candidates: { format: FormatId; confidence: number }[];
}

/** Below this, guessing would import garbage: ask the operator to pick the format instead. */
const MIN_CONFIDENCE = 0.3;

/** Guesses the format from the file name and its first bytes (64 KB is plenty); null when unsure. */
export function detectFormat(fileName: string, firstBytes: Buffer): DetectedFormat | null {
  const sample = decodeFeed(firstBytes).text.replace(/^\uFEFF/, '');
  const candidates = FORMATS.map((format) => ({ format: format.id, confidence: format.sniff(sample, fileName) }))
    .filter((candidate) => candidate.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence);
  const best = candidates[0];
  return best && best.confidence >= MIN_CONFIDENCE ? { ...best, candidates } : null;
}
