/**
 * Dutch / English / other for one post. Statistical detectors trained on long texts guess
 * wildly on a ten-word post and the good ones load 50–200 MB of tables, so this is a small
 * evidence model instead: function words (each language's most frequent little words, which
 * even a short post is made of) plus spelling cues ("ij", "-heid"; "th", "-ing"; "ß", "ñ", "ç").
 * German, French, Spanish and a few other languages are scored too, so that a post in one of
 * them comes out as 'other' instead of being forced into Dutch or English. Hashtags, @handles,
 * links and emoji are ignored. About a microsecond per word, no tables beyond a few hundred words.
 */
import type { Language } from '../../../shared/domain/mention';
import { FUNCTION_WORDS } from '../../../resources/lexicon/function-words';
import { tokenize, type Token } from './tokenize';

const LANGS = Object.keys(FUNCTION_WORDS);
const IDX = new Map(LANGS.map((l, i) => [l, i]));
const NL = IDX.get('nl') ?? 0;
const EN = IDX.get('en') ?? 1;

/** word → the languages it is a function word of, with the share of evidence each gets. */
const FUNCTION_INDEX = new Map<string, number[]>();
for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
  for (const word of list.split(/\s+/)) {
    if (!word) continue;
    const langs = FUNCTION_INDEX.get(word) ?? [];
    const i = IDX.get(lang) ?? 0;
    if (!langs.includes(i)) langs.push(i);
    FUNCTION_INDEX.set(word, langs);
  }
}

/** Spelling cues: [pattern, language, weight]. Weaker than a function word. */
const SPELLING: [RegExp, string, number][] = [
  [
    /ij|aa|uu|oe|(heid|lijk|lijke|tje|tjes|isch|ische|baar|tig|elijk)$|^(ge|ver|ont|be)\p{L}{3,}[dt]$|sch|^z[^a]/u,
    'nl',
    0.4,
  ],
  [/th|wh|(ing|ed|ly|ness|ful|ous|tion|ight|ough)$|w[aeio]|ea|ou[^w]|^y|ck/u, 'en', 0.4],
  [/[äöüß]|(ung|keit|lich|chen)$|tz|sch/u, 'de', 0.5],
  [/[éèêàçùâîôû]|(eux|euse|aux|eau|oir|aire|ique)$|^[ldcjnsmt]'|qu/u, 'fr', 0.5],
  [/[ñáíóú¡¿]|(ción|dad|mente|ado|ada|aba)$|ll[aeo]/u, 'es', 0.5],
  [/[àèìòù]|(zione|zioni|mente|etto|etta|issimo|iamo)$|gli|gn[aeio]|zz/u, 'it', 0.4],
  [/[ãõç]|(ção|ções|agem|inho|inha)$|nh|lh/u, 'pt', 0.5],
  [/[åäö]/u, 'sv', 0.4],
  [/[åæø]/u, 'da', 0.5],
  [/[ąćęłńśźż]/u, 'pl', 1],
  [/[ğış]/u, 'tr', 1],
];
const SPELLING_IDX = SPELLING.map(([re, lang, w]) => [re, IDX.get(lang) ?? 0, w] as const);

const LATIN_WORD = /^[\p{Script=Latin}\p{M}'’]+$/u;

export interface LanguageGuess {
  lang: Language;
  /** 0..1: how far the winner is ahead of the runner-up. */
  confidence: number;
}

export function detectLanguage(text: string): Language {
  return guessLanguage(tokenize(text)).lang;
}

/** The evidence model over already-made tokens (the analyser tokenises once for both jobs). */
export function guessLanguage(tokens: Token[]): LanguageGuess {
  const scores = new Array<number>(LANGS.length).fill(0);
  let latin = 0;
  let nonLatin = 0;
  let words = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (LATIN_WORD.test(t.raw)) latin++;
    else nonLatin++;
    words++;
    const w = t.norm;
    const langs = FUNCTION_INDEX.get(w);
    if (langs) {
      for (const i of langs) scores[i] = (scores[i] ?? 0) + 1 / langs.length;
      continue;
    }
    if (w.length < 3) continue;
    for (const [re, i, weight] of SPELLING_IDX) if (re.test(w)) scores[i] = (scores[i] ?? 0) + weight;
  }
  if (words === 0 || nonLatin > latin) return { lang: 'other', confidence: words === 0 ? 0 : 1 };

  let best = 0;
  let second = -1;
  for (let i = 1; i < scores.length; i++) {
    if ((scores[i] ?? 0) > (scores[best] ?? 0)) {
      second = best;
      best = i;
    } else if (second < 0 || (scores[i] ?? 0) > (scores[second] ?? 0)) second = i;
  }
  const top = scores[best] ?? 0;
  const runnerUp = second >= 0 ? (scores[second] ?? 0) : 0;
  if (top === 0) return { lang: 'other', confidence: 0 };
  const confidence = (top - runnerUp) / top;
  if (best !== NL && best !== EN) return { lang: 'other', confidence };
  // A tie or a near-tie between Dutch and English is broken by the larger; a tie with a third
  // language means the post carries no Dutch- or English-only evidence.
  const otherBest = Math.max(...scores.filter((_, i) => i !== NL && i !== EN));
  if (otherBest >= top) return { lang: 'other', confidence: 0 };
  return { lang: best === NL ? 'nl' : 'en', confidence };
}
