/**
 * Rule-based sentiment for Dutch and English posts, in the spirit of VADER (Hutto & Gilbert,
 * 2014) but with Dutch grammar: word valences from the lexicons, then
 * - intensifiers and diminishers in the three words before ("heel leuk", "a bit slow"),
 * - negation in the three words before, within the clause ("niet slecht", "geen goede
 *   service", "not bad"), and Dutch negation after a verb ("dat bevalt me niet"); a negation
 *   that negates no sentiment word leans negative on its own ("dat klopt niet", "never replied"),
 * - praise inside a question counts half: a question does not assert it ("Is dit nou goed?"),
 * - fixed expressions and Dutch separable verbs ("valt … tegen", "raad het aan"),
 * - contrast ("maar", "but": what follows weighs more) and concession ("hoewel", "although"),
 * - emphasis: CAPITALS, elongation ("superrrr"), exclamation marks,
 * - emoji, emoticons and hashtags (#fail, #top, #kutweer), which are never negated,
 * - irony: #not / #sarcasme / 🙃, or a sarcasm-prone word ("lekker", "great") next to a
 *   complaint with "weer" / "again" ("lekker weer een storing"),
 * summed and squashed into [-1, 1]. Posts in other languages are scored on emoji alone.
 */
import type { Language, SentimentLabel } from '../../../shared/domain/mention';
import { EMOJI, EMOTICONS } from '../../../resources/lexicon/emoji';
import { EN_RULES, IRONY_MARKERS, NL_RULES } from '../../../resources/lexicon/rules';
import { LanguageScorer, collapse } from './language-scorer';
import {
  boostBefore,
  impliedIrony,
  isContrast,
  negatedAfter,
  negatedBefore,
  positionWeights,
  type Slot,
} from './scope';
import { shoutsThroughout, type Token } from './tokenize';

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 … 1. */
  score: number;
}

export interface SentimentDetail extends SentimentResult {
  /** Sum of the weighted valences before squashing (VADER's scale: ±4 per strong word). */
  raw: number;
  /** The words, emoji and tags that counted, with what each added. */
  hits: { text: string; valence: number }[];
}

export interface ScorerOptions {
  /** Workspace words or phrases with a valence in [-4, 4]; they win over the built-in lexicons. */
  overrides?: ReadonlyMap<string, number>;
  /** Where neutral ends. Defaults to DEFAULT_THRESHOLDS. */
  thresholds?: Thresholds;
}

/** A score ≥ positive is positive, ≤ -negative is negative, anything between neutral. */
export interface Thresholds {
  positive: number;
  negative: number;
}

const NEGATION_SCALAR = -0.74;
const CAPS_FACTOR = 1.3;
const ELONGATION_FACTOR = 1.2;
const EXCLAMATION_STEP = 0.292;
const SQUASH_ALPHA = 15;
const IRREALIS_FACTOR = 0.3;
const EXCESS_VALENCE = -1.2;
const COMPLAINT_QUESTION_VALENCE = -0.8;
/** Praise inside a question is not asserted ("Is dit nou goed?", "Was it worth it?"). */
const QUESTION_FACTOR = 0.5;
/** What a negator adds when it negates no sentiment word (see `score`). */
const FREE_NEGATION_VALENCE = -0.8;
/**
 * Asymmetric on purpose: language is biased towards positive words (the "Pollyanna" effect),
 * so praise words turn up in neutral posts far more often than complaint words do, and a
 * slight negative lean is more telling than a slight positive one.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { positive: 0.3, negative: 0.05 };

export class SentimentScorer {
  private readonly nl: LanguageScorer;
  private readonly en: LanguageScorer;
  readonly thresholds: Thresholds;

  constructor(options: ScorerOptions = {}) {
    const overrides = options.overrides ?? new Map();
    this.nl = new LanguageScorer('nl', NL_RULES, overrides);
    this.en = new LanguageScorer('en', EN_RULES, overrides);
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  }

  score(tokens: Token[], lang: Language): SentimentDetail {
    const scorer = lang === 'nl' ? this.nl : lang === 'en' ? this.en : undefined;
    const other = lang === 'nl' ? this.en : undefined;
    const slots = this.annotate(tokens, scorer, other);
    const hits: { text: string; valence: number }[] = [];
    let irony = false;
    let exclamations = 0;
    let contrast = false;
    for (const s of slots) {
      if (s.tok.kind === 'punct') for (const ch of s.tok.raw) if (ch === '!') exclamations++;
      if ((s.tok.kind === 'hashtag' && IRONY_MARKERS.has(s.tok.norm)) || s.tok.norm === '🙃') irony = true;
      if (s.contrast || s.concessive) contrast = true;
    }
    const explicit = irony;

    const weights = contrast ? positionWeights(slots) : undefined;
    const words: Slot[] = [];
    for (const s of slots) {
      if (s.tok.kind !== 'word' || s.consumed) continue;
      s.w = words.length;
      words.push(s);
    }
    const shouting = shoutsThroughout(tokens);
    const contributions: { slot: Slot; v: number }[] = [];
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (!s || s.val === undefined) continue;
      let v = s.val;
      if (scorer && (s.source === 'word' || s.source === 'phrase' || s.source === 'verb')) {
        const p = s.w ?? -1;
        v *= boostBefore(words, p);
        const negator =
          negatedBefore(words, p, scorer.lang) ?? (scorer.lang === 'nl' ? negatedAfter(words, p) : undefined);
        if (negator) {
          v *= NEGATION_SCALAR;
          negator.attached = true;
        }
        if (s.irrealis) v *= IRREALIS_FACTOR;
        else if (s.question && v > 0) v *= QUESTION_FACTOR;
        if (s.tok.caps && !shouting) v *= CAPS_FACTOR;
        if (s.tok.elongated) v *= ELONGATION_FACTOR;
      }
      v *= weights?.[i] ?? 1;
      contributions.push({ slot: s, v });
    }

    // Negation that negates no sentiment word still leans negative ("dat klopt niet", "no reply
    // yet"): negated statements are far more often complaints than praise (Potts, "On the
    // negativity of negation", 2010).
    if (scorer) {
      for (const s of words) if (s.negator && !s.attached) contributions.push({ slot: s, v: FREE_NEGATION_VALENCE });
      irony ||= impliedIrony(contributions, words, scorer.rules);
    }
    let raw = 0;
    for (const c of contributions) {
      let v = c.v;
      // Explicit irony (#not, 🙃) turns all praise around; implied irony only the sarcasm-prone words.
      if (irony && v > 0 && (explicit || !scorer || scorer.rules.sarcasmProne.has(c.slot.tok.norm))) v = -v;
      raw += v;
      hits.push({ text: c.slot.tok.raw, valence: Math.round(v * 100) / 100 });
    }
    if (raw !== 0 && exclamations > 0) raw += Math.sign(raw) * Math.min(exclamations, 4) * EXCLAMATION_STEP;
    const score = raw / Math.sqrt(raw * raw + SQUASH_ALPHA);
    const label = labelFor(score, this.thresholds);
    return { label, score: Math.round(score * 1000) / 1000, raw, hits };
  }

  /** Clause and sentence numbers, phrases, separable verbs, negators, boosters, valences. */
  private annotate(tokens: Token[], scorer: LanguageScorer | undefined, other: LanguageScorer | undefined): Slot[] {
    const slots: Slot[] = [];
    let clause = 0;
    let sentence = 0;
    const rules = scorer?.rules;
    for (const tok of tokens) {
      if (tok.kind === 'punct') {
        slots.push({ tok, clause, sentence });
        clause++;
        if (/[.!?…]/.test(tok.raw)) sentence++;
        continue;
      }
      if (tok.kind === 'word' && (rules?.clauseOpeners.has(tok.norm) || rules?.concessive.has(tok.norm))) clause++;
      const slot: Slot = { tok, clause, sentence };
      if (tok.kind === 'emoji' || tok.kind === 'emoticon') {
        const v = symbolValence(tok.norm);
        if (v !== undefined) Object.assign(slot, { val: v, source: 'symbol' });
      } else if (tok.kind === 'hashtag' && scorer) {
        const v = scorer.hashtagValence(tok.raw, other);
        if (v !== undefined) Object.assign(slot, { val: v, source: 'hashtag' });
      }
      slots.push(slot);
    }
    if (!scorer || !rules) return slots;

    const words = slots.filter((s) => s.tok.kind === 'word');
    const questions = new Set<number>();
    for (const s of slots) if (s.tok.kind === 'punct' && s.tok.raw.includes('?')) questions.add(s.sentence);
    let irrealisClause = -1;
    for (let w = 0; w < words.length; w++) {
      const s = words[w];
      if (!s) continue;
      s.irrealis = irrealisClause === s.clause;
      s.question = questions.has(s.sentence);
      if (rules.irrealis.has(s.tok.norm)) irrealisClause = s.clause;
      if (s.consumed) continue;
      const phrase = scorer.matchPhrase(words, w);
      if (phrase) {
        s.val = phrase.valence === 0 ? undefined : phrase.valence;
        s.source = 'phrase';
        for (let k = 1; k < phrase.length; k++) {
          const next = words[w + k];
          if (next) next.consumed = true;
        }
        continue;
      }
      const norm = s.tok.norm;
      const verb = rules.separable.find((e) => e.forms.has(norm));
      if (verb) {
        for (let k = 1; k <= verb.reach; k++) {
          const next = words[w + k];
          if (!next || next.sentence !== s.sentence) break;
          if (next.tok.norm === verb.particle && !next.consumed) {
            next.consumed = true;
            Object.assign(s, { val: verb.valence, source: 'verb' });
            break;
          }
        }
        if (s.source === 'verb') continue;
      }
      if (rules.negators.has(norm) && !rules.negatorBreakers.has(words[w + 1]?.tok.norm ?? '')) {
        s.negator = true;
        continue;
      }
      if (rules.contrast.has(norm) && isContrast(words, w)) {
        s.contrast = true;
        continue;
      }
      if (rules.concessive.has(norm)) {
        s.concessive = true;
        continue;
      }
      const next = words[w + 1];
      // "Waarom duurt het zo lang?": a why-question in a post is nearly always a complaint.
      if (rules.complaintQuestions.has(norm) && (questions.has(s.sentence) || words[w - 1]?.sentence !== s.sentence)) {
        Object.assign(s, { val: COMPLAINT_QUESTION_VALENCE, source: 'symbol' });
        continue;
      }
      if (rules.excess.has(norm) && next && next.clause === s.clause) {
        const nv = scorer.wordValence(next.tok);
        if (
          (nv === undefined || nv <= 0.5) &&
          (rules.excessAdjectives.has(next.tok.norm) || (nv !== undefined && nv < 0))
        ) {
          Object.assign(s, { val: Math.min(EXCESS_VALENCE, (nv ?? 0) * 1.3), source: 'phrase' });
          next.consumed = true;
          continue;
        }
      }
      const licensors = rules.verbOnly.get(norm);
      if (licensors && !licensors.has(words[w - 1]?.tok.norm ?? '')) continue;
      const v = scorer.wordValence(s.tok);
      const boost = rules.boosters.get(norm) ?? (s.tok.elongated ? rules.boosters.get(collapse(norm)) : undefined);
      if (boost !== undefined && (v === undefined || modifiesNext(words, w, scorer))) {
        s.booster = s.tok.caps || s.tok.elongated ? 1 + (boost - 1) * 1.5 : boost;
        continue;
      }
      if (v !== undefined) Object.assign(s, { val: v, source: 'word' });
    }
    return slots;
  }
}

export function labelFor(score: number, t: Thresholds): SentimentLabel {
  return score >= t.positive ? 'positive' : score <= -t.negative ? 'negative' : 'neutral';
}

function symbolValence(symbol: string): number | undefined {
  // Variation selector and skin tones carry no sentiment of their own.
  const bare = symbol.replace(/\uFE0F|\p{Emoji_Modifier}/gu, '');
  const v = EMOJI.get(bare) ?? EMOTICONS.get(bare) ?? EMOTICONS.get(bare.replace(/(.)\1+$/u, '$1'));
  if (v !== undefined) return v;
  if (/^[:;=][-']?[)\]D]+$/.test(bare)) return 2;
  if (/^[:;=][-']?[([]+$/.test(bare)) return -2;
  return undefined;
}

/** A booster modifies the next sentiment word when one follows within two words of its clause. */
function modifiesNext(words: Slot[], w: number, scorer: LanguageScorer): boolean {
  const s = words[w];
  for (let k = 1; k <= 2; k++) {
    const next = words[w + k];
    if (!next || next.clause !== s?.clause) return false;
    if (scorer.rules.boosters.has(next.tok.norm)) continue;
    if (next.val !== undefined || scorer.wordValence(next.tok) !== undefined) return true;
    if (scorer.matchPhrase(words, w + k)) return true;
  }
  return false;
}
