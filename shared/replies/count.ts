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

/** A code unit that may join its neighbours into one grapheme: combining marks, emoji, other scripts, CR. */
function joins(code: number): boolean {
  return code >= 0x300 || code === 13;
}

function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (joins(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Where the stretch that needs grapheme segmentation ends, given that it holds a joining code unit at
 * `from`: past every joining unit, past a plain unit that is the base of the next joining run, and one
 * plain unit further (what follows a prepended mark, or LF after CR). Between two plain units below
 * U+0300 there is always a grapheme boundary, so the stretches can be segmented on their own.
 */
function joiningStretchEnd(text: string, from: number, to: number): number {
  let end = from;
  for (;;) {
    while (end < to && joins(text.charCodeAt(end))) end += 1;
    if (end >= to) return to;
    if (end + 1 < to && joins(text.charCodeAt(end + 1))) {
      end += 1;
      continue;
    }
    return end + 1;
  }
}

/**
 * Counts a piece of text with no URLs in it, calling `step` per counted unit with its start offset. Plain
 * stretches (below U+0300) count one per code unit; only the stretches around emoji, accents written as
 * combining marks and other scripts go through the grapheme segmenter, which keeps a keystroke in a
 * 2,000-character reply with an emoji in it far from the segmenter's cost for the whole text.
 */
function countPlain(
  text: string,
  from: number,
  to: number,
  channel: Channel,
  step: (weight: number, start: number) => boolean,
): void {
  let at = from;
  while (at < to) {
    let next = at;
    while (next < to && !joins(text.charCodeAt(next))) next += 1;
    // The unit before a joining one is its base: it goes with the joining stretch.
    const plainEnd = next >= to ? to : Math.max(at, next - 1);
    for (; at < plainEnd; at += 1) if (!step(1, at)) return;
    if (at >= to) return;
    const end = joiningStretchEnd(text, next, to);
    for (const { segment, index } of graphemes().segment(text.slice(at, end))) {
      if (!step(graphemeWeight(segment, channel), at + index)) return;
    }
    at = end;
  }
}

function graphemeWeight(segment: string, channel: Channel): number {
  if (channel !== 'x') return 1;
  if (PICTOGRAPHIC.test(segment)) return 2;
  let weight = 0;
  for (const char of segment.normalize('NFC')) weight += xWeight(char.codePointAt(0) ?? 0);
  return weight;
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
