/**
 * How far a word's neighbours reach in the sentiment scorer: intensifiers, negation (before the
 * word, and after it in Dutch verb-second order), contrast and concession, implied irony. Works
 * on the scorer's annotated slots, in clause and sentence units.
 */
import type { LanguageRules } from '../../../resources/lexicon/rules';
import type { SentimentLanguage } from './lexicon';
import type { Token } from './tokenize';

export interface Slot {
  tok: Token;
  clause: number;
  sentence: number;
  /** Valence this token brings (word, phrase, separable verb, emoji, hashtag). */
  val?: number;
  source?: 'word' | 'phrase' | 'verb' | 'symbol' | 'hashtag';
  negator?: boolean;
  /** A negator that turned a sentiment word around. */
  attached?: boolean;
  booster?: number;
  consumed?: boolean;
  contrast?: boolean;
  /** Opens a concessive clause ("hoewel", "although"). */
  concessive?: boolean;
  /** Position among the post's unconsumed words. */
  w?: number;
  /** An irrealis marker ("moet", "would") came earlier in this clause. */
  irrealis?: boolean;
  /** The word is in a sentence that ends in a question mark. */
  question?: boolean;
}

/** Words around "maar" that make it a particle, not a contrast ("kijk maar", "maar liefst"). */
const MAAR_PARTICLE_BEFORE = new Set(
  'alleen nu kijk doe ga zeg wacht laat toch even eens kom zit blijf gewoon nog'.split(' '),
);
const MAAR_PARTICLE_AFTER = new Set('ook liefst even eens weer raak zo één net also'.split(' '));

export function isContrast(words: Slot[], w: number): boolean {
  const before = words[w - 1]?.tok.norm ?? '';
  const after = words[w + 1]?.tok.norm ?? '';
  return !MAAR_PARTICLE_BEFORE.has(before) && !MAAR_PARTICLE_AFTER.has(after);
}

export function boostBefore(words: Slot[], p: number): number {
  let factor = 1;
  const clause = words[p]?.clause;
  for (let k = 1; k <= 3; k++) {
    const prev = words[p - k];
    if (!prev || prev.clause !== clause) break;
    if (prev.booster !== undefined) factor *= 1 + (prev.booster - 1) * (1 - 0.05 * (k - 1));
    else if (prev.val !== undefined) break;
  }
  return factor;
}

/**
 * A negator reaches three words ahead (intensifiers not counted); a Dutch "niet" reaches to the
 * end of its clause, up to six words ("dat is niet bepaald een goed idee").
 */
export function negatedBefore(words: Slot[], p: number, lang: SentimentLanguage): Slot | undefined {
  const clause = words[p]?.clause;
  let seen = 0;
  for (let k = 1; seen < 6; k++) {
    const prev = words[p - k];
    if (!prev || prev.clause !== clause) return undefined;
    if (prev.negator) return seen < 3 || (lang === 'nl' && prev.tok.norm === 'niet') ? prev : undefined;
    if (prev.booster === undefined) seen++;
  }
  return undefined;
}

/** Dutch verb-second order puts "niet" after the verb: "dat bevalt me niet", "valt niet tegen". */
export function negatedAfter(words: Slot[], p: number): Slot | undefined {
  const s = words[p];
  if (!s) return undefined;
  let negator: Slot | undefined;
  for (let k = p + 1; k < words.length; k++) {
    const next = words[k];
    if (!next || next.clause !== s.clause) break;
    if (next.val !== undefined) return undefined;
    if (!negator && next.negator && (next.tok.norm === 'niet' || next.tok.norm === 'nooit')) negator = next;
  }
  return negator;
}

/**
 * Contrast and concession. What precedes the first "maar"/"but" in its sentence (or the sentence
 * before, when "Maar" opens one) counts half and what follows 1.5×; a clause opened by
 * "hoewel"/"although" counts half.
 */
export function positionWeights(slots: Slot[]): number[] {
  const weights = new Array<number>(slots.length).fill(1);
  const concessive = new Set<number>();
  for (const x of slots) if (x.concessive) concessive.add(x.clause);
  slots.forEach((x, j) => {
    if (concessive.has(x.clause)) weights[j] = 0.5;
  });
  const at = slots.findIndex((x) => x.contrast);
  const s = slots[at];
  if (!s) return weights;
  let opensSentence = true;
  for (let j = at - 1; j >= 0 && slots[j]?.sentence === s.sentence; j--) {
    if (slots[j]?.tok.kind === 'word') opensSentence = false;
  }
  const fromSentence = opensSentence ? s.sentence - 1 : s.sentence;
  for (let j = 0; j < slots.length; j++) {
    const x = slots[j];
    if (!x) continue;
    if (j < at && x.sentence >= fromSentence) weights[j] = 0.5;
    else if (j > at && x.sentence === s.sentence) weights[j] = 1.5;
  }
  return weights;
}

/** "Lekker weer een storing", "great, delayed again": praise word + irony cue + a complaint. */
export function impliedIrony(contributions: { slot: Slot; v: number }[], words: Slot[], rules: LanguageRules): boolean {
  const praise = contributions.some((c) => c.v > 0 && rules.sarcasmProne.has(c.slot.tok.norm));
  if (!praise) return false;
  const complaint = contributions.some((c) => c.v < 0 && c.slot.source !== 'symbol');
  return complaint && words.some((w) => rules.ironyCues.has(w.tok.norm));
}
