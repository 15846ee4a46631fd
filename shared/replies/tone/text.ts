/**
 * The reply text cut once into words and sentences with their offsets, shared by every tone rule so a
 * check of a 2,000-character reply stays far below one frame (16 ms) per keystroke.
 */

export interface Word {
  /** The word as written. */
  text: string;
  /** Lower-cased. */
  lower: string;
  start: number;
  end: number;
  /** Index of the sentence it belongs to. */
  sentence: number;
  /** First word of its sentence. */
  first: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Indexes into `words`: [firstWord, lastWord + 1). */
  from: number;
  to: number;
}

export interface TextModel {
  text: string;
  words: Word[];
  sentences: Sentence[];
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
// A sentence ends at . ! ? … (and closing quotes/brackets after them) followed by a space, or at a blank line / line break.
const SENTENCE_END = /[.!?…]+["')\]]*(?=\s|$)|\n+/g;

/** Words and sentences of a text, with their offsets. */
export function modelText(text: string): TextModel {
  const sentences: Sentence[] = [];
  let sentenceStart = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (text.slice(sentenceStart, match.index).trim()) {
      sentences.push({ start: sentenceStart, end, from: 0, to: 0 });
    }
    sentenceStart = end;
  }
  if (text.slice(sentenceStart).trim()) sentences.push({ start: sentenceStart, end: text.length, from: 0, to: 0 });

  const words: Word[] = [];
  let sentence = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    while (sentence < sentences.length - 1 && start >= (sentences[sentence]?.end ?? 0)) sentence += 1;
    const previous = words[words.length - 1];
    const first = !previous || previous.sentence !== sentence;
    const current = sentences[sentence];
    if (first && current) current.from = words.length;
    words.push({ text: match[0], lower: match[0].toLowerCase(), start, end: start + match[0].length, sentence, first });
    if (current) current.to = words.length;
  }
  return { text, words, sentences };
}

/** Upper-cases the first letter when the original started with a capital. */
export function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const initial = original.charAt(0);
  if (initial !== initial.toLowerCase() && initial === initial.toUpperCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
