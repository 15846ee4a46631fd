import type { TextModel, Word } from './text';

/**
 * Readability: sentence length and reading ease. Dutch uses Flesch-Douma
 * (206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence), English uses Flesch reading ease
 * (206.835 − 1.015 × words per sentence − 84.6 × syllables per word). Both read 0 (hard) … 100 (easy).
 * Syllables are counted as vowel groups (English drops a silent final e), which is what these formulas were fitted on.
 */

/** Fewer words than this give no meaningful reading-ease score. */
export const READING_EASE_MIN_WORDS = 30;

const DUTCH_VOWELS = /[aeiouyàáâäèéêëïíîìöóôòüúûù]+/g;
const ENGLISH_VOWELS = /[aeiouy]+/g;

/** Syllables of a word in a language. */
export function syllables(word: string, lang: 'nl' | 'en'): number {
  const lower = word.toLowerCase();
  if (lang === 'nl') return Math.max(1, lower.match(DUTCH_VOWELS)?.length ?? 0);
  let count = lower.match(ENGLISH_VOWELS)?.length ?? 0;
  if (lower.length > 2 && lower.endsWith('e') && !lower.endsWith('le') && count > 1) count -= 1;
  return Math.max(1, count);
}

function isCounted(word: Word): boolean {
  return /\p{L}/u.test(word.text);
}

/** The reading-ease score of a text, or null when it has too few words to say. */
export function readingEase(model: TextModel, lang: 'nl' | 'en'): { score: number; words: number } | null {
  const words = model.words.filter(isCounted);
  const sentences = model.sentences.filter((sentence) => sentence.to > sentence.from).length;
  if (words.length < READING_EASE_MIN_WORDS || sentences === 0) return null;
  let syllableCount = 0;
  for (const word of words) syllableCount += syllables(word.text, lang);
  const wordsPerSentence = words.length / sentences;
  const score =
    lang === 'nl'
      ? 206.84 - 0.77 * ((syllableCount / words.length) * 100) - 0.93 * wordsPerSentence
      : 206.835 - 1.015 * wordsPerSentence - 84.6 * (syllableCount / words.length);
  return { score: Math.round(score * 10) / 10, words: words.length };
}

/** Sentences with more than `max` words. */
export function longSentences(model: TextModel, max: number): { start: number; end: number; words: number }[] {
  const found: { start: number; end: number; words: number }[] = [];
  for (const sentence of model.sentences) {
    const count = sentence.to - sentence.from;
    if (count > max) {
      const text = model.text.slice(sentence.start, sentence.end);
      const trimmedEnd = sentence.start + text.trimEnd().length;
      const leading = text.length - text.trimStart().length;
      found.push({ start: sentence.start + leading, end: trimmedEnd, words: count });
    }
  }
  return found;
}
