import type { BannedPhrase } from '../model';
import { escapeRegExp, matchCase } from './text';

/**
 * Whole-word, case-insensitive phrase matching for banned words and for the English register lists.
 * One regular expression per phrase list, built once and kept while the list object lives.
 */

export interface PhraseHit {
  start: number;
  end: number;
  found: string;
  phrase: string;
  /** The alternative in the case of what was found; null: no fix. */
  replacement: string | null;
}

interface Matcher {
  pattern: RegExp;
  byPhrase: Map<string, BannedPhrase>;
}

const matchers = new WeakMap<readonly BannedPhrase[], Matcher>();

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ').trim();
}

function matcherFor(phrases: readonly BannedPhrase[]): Matcher {
  let matcher = matchers.get(phrases);
  if (!matcher) {
    const byPhrase = new Map<string, BannedPhrase>();
    for (const phrase of phrases) byPhrase.set(normalise(phrase.phrase), phrase);
    const alternatives = [...byPhrase.keys()]
      .sort((a, b) => b.length - a.length)
      .map((phrase) => escapeRegExp(phrase).replace(/ /g, '\\s+'));
    const source = alternatives.length ? `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])` : '(?!)';
    matcher = { pattern: new RegExp(source, 'giu'), byPhrase };
    matchers.set(phrases, matcher);
  }
  return matcher;
}

/** Every occurrence of any phrase of the list in the text. */
export function findPhrases(text: string, phrases: readonly BannedPhrase[]): PhraseHit[] {
  if (phrases.length === 0) return [];
  const { pattern, byPhrase } = matcherFor(phrases);
  const hits: PhraseHit[] = [];
  for (const match of text.matchAll(pattern)) {
    const entry = byPhrase.get(normalise(match[0]));
    if (!entry) continue;
    hits.push({
      start: match.index,
      end: match.index + match[0].length,
      found: match[0],
      phrase: entry.phrase,
      replacement: entry.alternative === null ? null : matchCase(match[0], entry.alternative),
    });
  }
  return hits;
}

/** Casual English that a formal register avoids, with what to write instead. */
export const CASUAL_ENGLISH: readonly BannedPhrase[] = [
  { phrase: 'hey', alternative: 'hello' },
  { phrase: 'hiya', alternative: 'hello' },
  { phrase: 'guys', alternative: 'everyone' },
  { phrase: 'gonna', alternative: 'going to' },
  { phrase: 'wanna', alternative: 'want to' },
  { phrase: 'gotta', alternative: 'have to' },
  { phrase: 'yeah', alternative: 'yes' },
  { phrase: 'yep', alternative: 'yes' },
  { phrase: 'nope', alternative: 'no' },
  { phrase: 'thx', alternative: 'thank you' },
  { phrase: 'pls', alternative: 'please' },
  { phrase: 'plz', alternative: 'please' },
  { phrase: 'btw', alternative: 'by the way' },
  { phrase: 'asap', alternative: 'as soon as possible' },
  { phrase: 'u', alternative: 'you' },
  { phrase: 'ur', alternative: 'your' },
  { phrase: 'no worries', alternative: "you're welcome" },
  { phrase: 'awesome', alternative: 'great' },
  { phrase: 'lol', alternative: null },
  { phrase: 'omg', alternative: null },
];

/** Stiff English that an informal register avoids, with what to write instead. */
export const STIFF_ENGLISH: readonly BannedPhrase[] = [
  { phrase: 'hereby', alternative: null },
  { phrase: 'kindly', alternative: 'please' },
  { phrase: 'please be advised that', alternative: '' },
  { phrase: 'we regret to inform you that', alternative: 'unfortunately,' },
  { phrase: 'dear sir or madam', alternative: 'hi' },
  { phrase: 'do not hesitate to', alternative: 'feel free to' },
  { phrase: 'in accordance with', alternative: 'under' },
  { phrase: 'aforementioned', alternative: 'this' },
  { phrase: 'henceforth', alternative: 'from now on' },
  { phrase: 'we apologise for any inconvenience caused', alternative: 'sorry about this' },
];
