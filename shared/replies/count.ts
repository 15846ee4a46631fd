import type { Channel } from '../domain/mention';

/**
 * Reply length as each channel counts it (written here rather than taken from twitter-text, whose
 * package loads core-js 2 polyfills into the page):
 * - X: weighted — most Latin, punctuation and symbol code points 1, other scripts and every emoji 2,
 *   any URL 23 (t.co), text NFC-normalised; limit 280.
 * - Mastodon: graphemes, any URL 23, a remote mention `@user@domain` as `@user`; limit 500.
 * - Bluesky: graphemes of the text as written; limit 300.
 * - Other channels: graphemes, no limit of their own.
 */

export const CHANNEL_LIMITS: Partial<Record<Channel, number>> = { x: 280, bluesky: 300, mastodon: 500 };

/** Length a URL counts for on X and Mastodon. */
export const URL_LENGTH = 23;

export interface CountedLength {
  length: number;
  limit: number | null;
  /** Offset (UTF-16) of the first character past the limit; null while within it. */
  overflowAt: number | null;
}

// http(s) links, www. links and bare domains with a common top-level domain; trailing punctuation is not part of it.
const URL_PATTERN =
  /(?<![@\w.-])(?:https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:nl|com|org|net|eu|be|de|io|gov|info|app|social|uk|fr|co)(?![a-z0-9-])(?:\/[^\s<>"]*)?)(?<![.,;:!?)'"])/giu;
const REMOTE_MENTION = /@([A-Za-z0-9_]+)@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

let segmenter: Intl.Segmenter | null = null;
function graphemes(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

/** Weight of one code point on X: 1 for the Latin/punctuation ranges twitter-text lists, 2 for the rest. */
function xWeight(codePoint: number): number {
  if (codePoint <= 4351) return 1;
  if (codePoint >= 8192 && codePoint <= 8205) return 1;
  if (codePoint >= 8208 && codePoint <= 8223) return 1;
  if (codePoint >= 8242 && codePoint <= 8247) return 1;
  return 2;
}

interface Span {
  start: number;
  end: number;
  /** What the span counts for as a whole. */
  weight: number;
}

function specialSpans(text: string, channel: Channel): Span[] {
  if (channel !== 'x' && channel !== 'mastodon') return [];
  const spans: Span[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    spans.push({ start: match.index, end: match.index + match[0].length, weight: URL_LENGTH });
  }
  if (channel === 'mastodon') {
    for (const match of text.matchAll(REMOTE_MENTION)) {
      const start = match.index;
      if (spans.some((span) => start < span.end && span.start < start + match[0].length)) continue;
      spans.push({ start, end: start + match[0].length, weight: (match[1]?.length ?? 0) + 1 });
    }
    spans.sort((a, b) => a.start - b.start);
  }
  return spans;
}

function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x300 || code === 13) return false;
  }
  return true;
}

/** Counts a piece of text with no URLs in it, calling `step` per counted unit with its end offset. */
function countPlain(
  text: string,
  from: number,
  to: number,
  channel: Channel,
  step: (weight: number, start: number) => boolean,
): void {
  const piece = text.slice(from, to);
  if (isPlain(piece)) {
    for (let i = 0; i < piece.length; i += 1) if (!step(1, from + i)) return;
    return;
  }
  for (const { segment, index } of graphemes().segment(piece)) {
    let weight = 1;
    if (channel === 'x') {
      if (PICTOGRAPHIC.test(segment)) weight = 2;
      else {
        weight = 0;
        for (const char of segment.normalize('NFC')) weight += xWeight(char.codePointAt(0) ?? 0);
      }
    }
    if (!step(weight, from + index)) return;
  }
}

/** The length of a reply as `channel` counts it, with the channel's limit (or `limitOverride`). */
export function countForChannel(text: string, channel: Channel, limitOverride?: number): CountedLength {
  const limit = limitOverride ?? CHANNEL_LIMITS[channel] ?? null;
  let length = 0;
  let overflowAt: number | null = null;
  const step = (weight: number, start: number): boolean => {
    length += weight;
    if (overflowAt === null && limit !== null && length > limit) overflowAt = start;
    return true;
  };
  let position = 0;
  for (const span of specialSpans(text, channel)) {
    countPlain(text, position, span.start, channel, step);
    step(span.weight, span.start);
    position = span.end;
  }
  countPlain(text, position, text.length, channel, step);
  return { length, limit, overflowAt };
}

/** Number of graphemes (what a person sees as one character). */
export function graphemeCount(text: string): number {
  if (isPlain(text)) return text.length;
  let count = 0;
  for (const segment of graphemes().segment(text)) {
    void segment;
    count += 1;
  }
  return count;
}
