/**
 * Word → valence (-4 … +4) for Dutch and English, with a workspace's own entries on top and
 * morphology for forms the lists do not spell out. Results are cached per lexicon, so a word
 * seen before costs one Map lookup.
 */
import enAfinn from '../../../resources/lexicon/en-afinn.json';
import enPattern from '../../../resources/lexicon/en-pattern.json';
import enVader from '../../../resources/lexicon/en-vader.json';
import nlPattern from '../../../resources/lexicon/nl-pattern.json';
import { EN_EXTRA } from '../../../resources/lexicon/en-extra';
import { NL_EXTRA } from '../../../resources/lexicon/nl-extra';
import { dutchCandidates, englishCandidates, englishCognates, splitDutchCompound } from './morphology';

export type SentimentLanguage = 'nl' | 'en';

let nlAdjectives: Map<string, number> | undefined;
let enBase: Map<string, number> | undefined;

/** Pattern's Dutch adjectives (only adjective inflections apply to them). */
function dutchAdjectives(): Map<string, number> {
  nlAdjectives ??= new Map(nlPattern as [string, number][]);
  return nlAdjectives;
}

function english(): Map<string, number> {
  enBase ??= new Map([
    ...(enPattern as [string, number][]),
    ...(enAfinn as [string, number][]),
    ...(enVader as [string, number][]),
    ...EN_EXTRA,
  ]);
  return enBase;
}

const CACHE_LIMIT = 200_000;
/** A cognate's English valence counts a little less: meanings drift between languages. */
const COGNATE_WEIGHT = 0.8;
const HEAD_ENDINGS = ['en', 's', 'e', 'jes', 'je', 'tje', 'tjes'];

export class SentimentLexicon {
  /** Words any inflection may reach: Dutch curated words, all of English; workspace words on top. */
  private readonly words: ReadonlyMap<string, number>;
  /** Words only adjective inflections reach (Pattern's Dutch adjectives). */
  private readonly adjectives: ReadonlyMap<string, number>;
  private readonly cache = new Map<string, number | null>();

  /** `overrides`: single words only (phrases are the scorer's); keys are matched lower-cased. */
  constructor(
    readonly lang: SentimentLanguage,
    overrides: ReadonlyMap<string, number> = new Map(),
  ) {
    const base = lang === 'nl' ? NL_EXTRA : english();
    this.words = overrides.size > 0 ? new Map([...base, ...overrides]) : base;
    this.adjectives = lang === 'nl' ? dutchAdjectives() : new Map();
  }

  /** True when the word (as written, lower-cased) is listed, before any morphology. */
  has(word: string): boolean {
    return this.words.has(word) || this.adjectives.has(word);
  }

  valence(word: string): number | undefined {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    const v = this.lang === 'nl' ? this.dutch(word) : this.english(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, v ?? null);
    return v;
  }

  private direct(word: string): number | undefined {
    return this.words.get(word) ?? this.adjectives.get(word);
  }

  private english(word: string): number | undefined {
    const v = this.words.get(word);
    if (v !== undefined) return v;
    for (const c of englishCandidates(word)) {
      const cv = this.words.get(c);
      if (cv !== undefined) return cv;
    }
    return undefined;
  }

  private inflectedDutch(word: string): number | undefined {
    const v = this.direct(word);
    if (v !== undefined) return v;
    const { adjective, other } = dutchCandidates(word);
    for (const c of adjective) {
      const cv = this.direct(c);
      if (cv !== undefined) return cv;
    }
    for (const c of other) {
      const cv = this.words.get(c);
      if (cv !== undefined) return cv;
    }
    return undefined;
  }

  /**
   * A compound's head as listed or with a plural / diminutive / -e ending ("treinstoringen",
   * "verkeersellendes"): a handful of Map lookups, since every split point of every unknown
   * long word is tried.
   */
  private compoundHead(head: string): number | undefined {
    const v = this.direct(head);
    if (v !== undefined) return v;
    for (const ending of HEAD_ENDINGS) {
      if (head.length - ending.length < 4 || !head.endsWith(ending)) continue;
      const stem = head.slice(0, -ending.length);
      const sv = this.direct(stem) ?? this.words.get(stem.replace(/(.)\1$/, '$1'));
      if (sv !== undefined) return sv;
    }
    return undefined;
  }

  private dutch(word: string): number | undefined {
    const v = this.inflectedDutch(word);
    if (v !== undefined) return v;
    const en = english();
    for (const c of englishCognates(word)) {
      const cv = en.get(c);
      if (cv !== undefined) return cv * COGNATE_WEIGHT;
    }
    const split = splitDutchCompound(
      word,
      (head) => this.compoundHead(head),
      (head) => this.words.has(head),
    );
    if (split) return split.valence;
    // "on-" negates an adjective: onaardig, onprettig, ongezellig.
    if (word.startsWith('on') && word.length >= 7) {
      const rest = this.inflectedDutch(word.slice(2));
      if (rest !== undefined && Math.abs(rest) >= 1) return -0.8 * rest;
    }
    return undefined;
  }
}
