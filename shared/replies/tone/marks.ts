import type { TextModel } from './text';

/** Emoji, exclamation marks and capitals: the marks that change how a reply sounds. */

export interface MarkHit {
  start: number;
  end: number;
  found: string;
}

const EMOJI =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*/gu;
const TEXT_SYMBOLS = new Set(['©', '®', '™']);

/** Every emoji in the text (a flag, a keycap and a ZWJ family are one each). */
export function findEmoji(text: string): MarkHit[] {
  const hits: MarkHit[] = [];
  for (const match of text.matchAll(EMOJI)) {
    if (TEXT_SYMBOLS.has(match[0])) continue;
    hits.push({ start: match.index, end: match.index + match[0].length, found: match[0] });
  }
  return hits;
}

/** An emoji compared without its presentation selector (❤️ and ❤ are the same emoji). */
export function emojiKey(emoji: string): string {
  return emoji.replace(/\uFE0F/g, '');
}

/** A fix that removes [start, end) and one space next to it, so no double space is left. */
export function removal(text: string, start: number, end: number): { start: number; end: number; replacement: string } {
  if (text.charAt(end) === ' ') return { start, end: end + 1, replacement: '' };
  if (text.charAt(start - 1) === ' ') return { start: start - 1, end, replacement: '' };
  return { start, end, replacement: '' };
}

/** Each run of exclamation marks (with `!!!` as one run). */
export function findExclamations(text: string): MarkHit[] {
  const hits: MarkHit[] = [];
  for (const match of text.matchAll(/!+/g)) {
    hits.push({ start: match.index, end: match.index + match[0].length, found: match[0] });
  }
  return hits;
}

/** Words written in capitals of at least `minLength` letters that are not allowed acronyms. */
export function findShouting(
  model: TextModel,
  minLength: number,
  allow: ReadonlySet<string>,
): (MarkHit & { first: boolean })[] {
  const hits: (MarkHit & { first: boolean })[] = [];
  for (const word of model.words) {
    if (word.text.length < minLength || allow.has(word.text)) continue;
    if (/\p{N}/u.test(word.text)) continue;
    if (word.text !== word.text.toUpperCase() || word.text === word.lower) continue;
    hits.push({ start: word.start, end: word.end, found: word.text, first: word.first });
  }
  return hits;
}
