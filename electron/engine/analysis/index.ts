/**
 * Language and sentiment for mentions: the engine's one entry point for both.
 *
 *   const analyzer = createAnalyzer({ overrides: workspaceLexicon, adaptive: storedModelJson });
 *   analyzer.analyze('Weer storing bij de NS 😡') // { lang: 'nl', sentiment: { label: 'negative', score: -0.77 } }
 *
 * Everything is in memory and synchronous; an analyzer is cheap to keep for the life of a
 * workspace and must be recreated when its workspace lexicon or adaptive model changes.
 */
import type { Language, SentimentLabel } from '../../../shared/domain/mention';
import { AdaptiveModel, type AdaptiveJSON, type Correction } from './adaptive';
import { guessLanguage } from './language';
import { SentimentScorer, type SentimentDetail, type Thresholds } from './sentiment';
import { tokenize } from './tokenize';

export { AdaptiveModel, MIN_EXAMPLES, type AdaptiveJSON, type Correction, type TrainOptions } from './adaptive';
export { detectLanguage, guessLanguage } from './language';
export { DEFAULT_THRESHOLDS, type Thresholds } from './sentiment';
export { tokenize, type Token } from './tokenize';

export interface Sentiment {
  label: SentimentLabel;
  /** -1 (very negative) … 1 (very positive). */
  score: number;
}

export interface Analysis {
  lang: Language;
  sentiment: Sentiment;
}

export interface Explanation extends Analysis {
  /** The rule-based score before the adaptive model had its say. */
  lexicon: Sentiment;
  /** Words, emoji and hashtags that counted, with what each added (VADER scale, ±4). */
  hits: SentimentDetail['hits'];
  /** True when the workspace's adaptive model decided the label. */
  adapted: boolean;
}

export interface AnalyzerOptions {
  /**
   * The workspace lexicon: word or phrase → valence from -4 (extremely negative) to +4
   * (extremely positive); 0 makes a word neutral. Wins over the built-in lexicons, also for
   * inflections and compounds ("storing" covers "storingen" and "treinstoring").
   */
  overrides?: ReadonlyMap<string, number>;
  /** The workspace's model trained on corrections (an instance or its `toJSON()`). */
  adaptive?: AdaptiveModel | AdaptiveJSON | null;
  /** Where neutral ends; see DEFAULT_THRESHOLDS. */
  thresholds?: Thresholds;
  /**
   * Language to score a post in when it has no words to tell by (only hashtags, emoji, links):
   * a Dutch workspace passes 'nl' so "#kutweer 😡" is read as Dutch. The post's `lang` is then
   * this language too. Without it such posts are 'other' and scored on emoji alone.
   */
  fallbackLanguage?: 'nl' | 'en';
}

export interface Analyzer {
  analyze(text: string, langHint?: Language): Analysis;
  explain(text: string, langHint?: Language): Explanation;
  /** What to store so the adaptive model can learn from an operator's correction. */
  correction(text: string, label: SentimentLabel, langHint?: Language): Correction;
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const scorer = new SentimentScorer({ overrides: options.overrides, thresholds: options.thresholds });
  const adaptive =
    options.adaptive instanceof AdaptiveModel
      ? options.adaptive
      : options.adaptive
        ? AdaptiveModel.fromJSON(options.adaptive)
        : null;

  const explain = (text: string, langHint?: Language): Explanation => {
    const tokens = tokenize(text);
    let lang = langHint;
    if (!lang) {
      const guess = guessLanguage(tokens);
      lang =
        guess.lang === 'other' && guess.confidence === 0 && options.fallbackLanguage
          ? options.fallbackLanguage
          : guess.lang;
    }
    const detail = scorer.score(tokens, lang);
    const lexicon = { label: detail.label, score: detail.score };
    const adapted = adaptive?.predict(tokens, detail.score) ?? null;
    return { lang, sentiment: adapted ?? lexicon, lexicon, hits: detail.hits, adapted: adapted !== null };
  };

  return {
    explain,
    analyze(text, langHint) {
      const { lang, sentiment } = explain(text, langHint);
      return { lang, sentiment };
    },
    correction(text, label, langHint) {
      const tokens = tokenize(text);
      const lang = langHint ?? guessLanguage(tokens).lang;
      return { tokens, lexiconScore: scorer.score(tokens, lang).score, label };
    },
  };
}

/** The same as `createAnalyzer`, under the name the settings screen thinks in. */
export const createSentimentAnalyzer = createAnalyzer;

let shared: Analyzer | undefined;

/** Sentiment with the built-in lexicons only; the language is detected when not given. */
export function analyzeSentiment(text: string, lang?: Language): Sentiment {
  shared ??= createAnalyzer();
  return shared.analyze(text, lang).sentiment;
}
