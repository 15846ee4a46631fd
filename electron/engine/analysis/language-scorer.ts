/**
 * One language's share of the sentiment scorer: its lexicon (with the workspace's words on top),
 * its rules, and lookups for words, hashtags and fixed phrases.
 */
import type { LanguageRules } from '../../../resources/lexicon/rules';
import { SentimentLexicon, type SentimentLanguage } from './lexicon';
import type { Slot } from './scope';
import { hashtagWords, type Token } from './tokenize';

/** "soo" → "so", "heell" → "hel": for elongated words whose base has no double letters. */
export const collapse = (norm: string) => norm.replace(/(\p{L})\1+/gu, '$1');

type PhraseIndex = Map<string, string[][]>;

function indexPhrases(phrases: ReadonlyMap<string, number>): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const phrase of phrases.keys()) {
    const parts = phrase.split(' ');
    const first = parts[0] ?? '';
    const list = index.get(first) ?? [];
    list.push(parts);
    list.sort((a, b) => b.length - a.length);
    index.set(first, list);
  }
  return index;
}

export class LanguageScorer {
  readonly lexicon: SentimentLexicon;
  private readonly phrases: Map<string, number>;
  private readonly phraseIndex: PhraseIndex;

  constructor(
    readonly lang: SentimentLanguage,
    readonly rules: LanguageRules,
    overrides: ReadonlyMap<string, number>,
  ) {
    const single = new Map<string, number>();
    this.phrases = new Map(rules.phrases);
    for (const [key, value] of overrides) {
      const k = key.trim().toLowerCase().replace(/\s+/g, ' ');
      if (k.includes(' ')) this.phrases.set(k, value);
      else single.set(k, value);
    }
    this.lexicon = new SentimentLexicon(lang, single);
    this.phraseIndex = indexPhrases(this.phrases);
  }

  wordValence(t: Token): number | undefined {
    let v = this.lexicon.valence(t.norm);
    if (v === undefined && t.elongated) v = this.lexicon.valence(collapse(t.norm));
    return v === 0 ? undefined : v;
  }

  hashtagValence(tag: string, other: LanguageScorer | undefined): number | undefined {
    const whole = tag.toLowerCase();
    const v = this.lexicon.valence(whole) ?? other?.lexicon.valence(whole);
    if (v !== undefined && v !== 0) return v;
    const parts = hashtagWords(tag);
    if (parts.length < 2) return undefined;
    let sum = 0;
    for (const p of parts) sum += this.lexicon.valence(p) ?? 0;
    return sum === 0 ? undefined : sum;
  }

  /** Longest phrase starting at word slot `w` (indexes into `words`), or null. */
  matchPhrase(words: Slot[], w: number): { length: number; valence: number } | null {
    const start = words[w];
    if (!start) return null;
    const candidates = this.phraseIndex.get(start.tok.norm);
    if (!candidates) return null;
    for (const parts of candidates) {
      let ok = true;
      for (let k = 1; k < parts.length; k++) {
        const next = words[w + k];
        if (!next || next.tok.norm !== parts[k] || next.sentence !== start.sentence) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: parts.length, valence: this.phrases.get(parts.join(' ')) ?? 0 };
    }
    return null;
  }
}
