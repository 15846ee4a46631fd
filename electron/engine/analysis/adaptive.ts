/**
 * The workspace's own sentiment model, learnt from operators' corrections. A three-class
 * logistic regression over the post's words, word pairs, hashtags and emoji, plus the lexicon's
 * own score as a feature: with few corrections it mostly recalibrates the lexicon (where this
 * workspace draws the line between neutral and negative), with more it learns the domain's
 * words ("storing", a product name that is always in complaints). Plain numbers, serialisable
 * to JSON for the workspace store; training 1,000 corrections takes a few milliseconds.
 */
import type { SentimentLabel } from '../../../shared/domain/mention';
import type { Token } from './tokenize';

export const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

export interface Correction {
  /** The post's tokens (see `tokenize`). */
  tokens: Token[];
  /** The lexicon's score for the post, -1 … 1. */
  lexiconScore: number;
  /** The label the operator chose. */
  label: SentimentLabel;
}

export interface AdaptiveJSON {
  version: 1;
  examples: number;
  bias: [number, number, number];
  weights: Record<string, [number, number, number]>;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per step; keeps rare words from dominating. */
  l2?: number;
  /** Seed for the order examples are visited in, so training is reproducible. */
  seed?: number;
}

/** Below this many corrections the model stays silent and the lexicon decides alone. */
export const MIN_EXAMPLES = 10;

const LEXICON_FEATURE = 'lex:score';

/** Sparse features of a post: name → value. */
export function features(tokens: Token[], lexiconScore: number): Map<string, number> {
  const f = new Map<string, number>();
  f.set(LEXICON_FEATURE, lexiconScore * 3);
  f.set(lexiconScore > 0.05 ? 'lex:pos' : lexiconScore < -0.05 ? 'lex:neg' : 'lex:neu', 1);
  let prev: string | null = null;
  for (const t of tokens) {
    let name: string | null = null;
    if (t.kind === 'word') name = `w:${t.norm}`;
    else if (t.kind === 'hashtag') name = `h:${t.norm}`;
    else if (t.kind === 'emoji' || t.kind === 'emoticon') name = `e:${t.norm}`;
    else if (t.kind === 'punct' && /[!?]/.test(t.raw)) name = `p:${t.raw.includes('?') ? '?' : '!'}`;
    if (t.kind === 'punct' || t.kind === 'url' || t.kind === 'number') prev = null;
    if (!name) continue;
    f.set(name, 1);
    if (t.kind === 'word') {
      if (prev) f.set(`b:${prev}_${t.norm}`, 1);
      prev = t.norm;
    }
  }
  return f;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class AdaptiveModel {
  private constructor(
    private readonly weights: Map<string, [number, number, number]>,
    private readonly bias: [number, number, number],
    /** How many corrections the model was trained on. */
    readonly examples: number,
  ) {}

  static empty(): AdaptiveModel {
    return new AdaptiveModel(new Map(), [0, 0, 0], 0);
  }

  /** Trains from scratch on every correction the workspace has (retraining is cheap). */
  static train(corrections: readonly Correction[], options: TrainOptions = {}): AdaptiveModel {
    const epochs = options.epochs ?? 25;
    const rate = options.learningRate ?? 0.3;
    const l2 = options.l2 ?? 1e-4;
    const random = mulberry32(options.seed ?? 1);
    // Features become dense indices once, so the inner loop is plain array arithmetic.
    const names: string[] = [];
    const index = new Map<string, number>();
    const data = corrections.map((c) => {
      const ids: number[] = [];
      const xs: number[] = [];
      for (const [name, x] of features(c.tokens, c.lexiconScore)) {
        let id = index.get(name);
        if (id === undefined) {
          id = names.length;
          names.push(name);
          index.set(name, id);
        }
        ids.push(id);
        xs.push(x);
      }
      return { ids, xs, y: LABELS.indexOf(c.label) };
    });
    const w = new Float64Array(names.length * 3);
    const g2 = new Float64Array(names.length * 3).fill(1e-8);
    const bias = [0, 0, 0];
    const biasG2 = [1e-8, 1e-8, 1e-8];
    const order = data.map((_, i) => i);
    const z = [0, 0, 0];
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
      }
      for (const idx of order) {
        const ex = data[idx];
        if (!ex || ex.y < 0) continue;
        for (let k = 0; k < 3; k++) {
          let sum = bias[k] ?? 0;
          for (let f = 0; f < ex.ids.length; f++) sum += (w[(ex.ids[f] ?? 0) * 3 + k] ?? 0) * (ex.xs[f] ?? 0);
          z[k] = sum;
        }
        const p = softmax(z);
        for (let k = 0; k < 3; k++) {
          const g = (p[k] ?? 0) - (k === ex.y ? 1 : 0);
          biasG2[k] = (biasG2[k] ?? 0) + g * g;
          bias[k] = (bias[k] ?? 0) - (rate * g) / Math.sqrt(biasG2[k] ?? 1);
          for (let f = 0; f < ex.ids.length; f++) {
            const at = (ex.ids[f] ?? 0) * 3 + k;
            const gk = g * (ex.xs[f] ?? 0) + l2 * (w[at] ?? 0);
            g2[at] = (g2[at] ?? 0) + gk * gk;
            w[at] = (w[at] ?? 0) - (rate * gk) / Math.sqrt(g2[at] ?? 1);
          }
        }
      }
    }
    const weights = new Map<string, [number, number, number]>();
    names.forEach((name, id) => weights.set(name, [w[id * 3] ?? 0, w[id * 3 + 1] ?? 0, w[id * 3 + 2] ?? 0]));
    return new AdaptiveModel(weights, [bias[0] ?? 0, bias[1] ?? 0, bias[2] ?? 0], corrections.length);
  }

  /** Probabilities for positive, neutral, negative; null while there are too few corrections. */
  probabilities(tokens: Token[], lexiconScore: number): [number, number, number] | null {
    if (this.examples < MIN_EXAMPLES) return null;
    return softmax(logits(this.weights, this.bias, features(tokens, lexiconScore)));
  }

  /** The combined verdict: the model's label, and P(positive) − P(negative) as the score. */
  predict(tokens: Token[], lexiconScore: number): { label: SentimentLabel; score: number } | null {
    const p = this.probabilities(tokens, lexiconScore);
    if (!p) return null;
    let best = 0;
    for (let k = 1; k < 3; k++) if ((p[k] ?? 0) > (p[best] ?? 0)) best = k;
    const score = Math.round(((p[0] ?? 0) - (p[2] ?? 0)) * 1000) / 1000;
    return { label: LABELS[best] ?? 'neutral', score };
  }

  toJSON(): AdaptiveJSON {
    const weights: Record<string, [number, number, number]> = {};
    for (const [name, w] of this.weights) {
      // Weights this small change no verdict; leaving them out keeps the stored model small.
      if (Math.abs(w[0]) + Math.abs(w[1]) + Math.abs(w[2]) < 0.02) continue;
      weights[name] = [round(w[0]), round(w[1]), round(w[2])];
    }
    return {
      version: 1,
      examples: this.examples,
      bias: [round(this.bias[0]), round(this.bias[1]), round(this.bias[2])],
      weights,
    };
  }

  static fromJSON(json: unknown): AdaptiveModel {
    const j = json as Partial<AdaptiveJSON> | null;
    if (!j || j.version !== 1 || !Array.isArray(j.bias) || typeof j.weights !== 'object' || j.weights === null) {
      throw new Error('adaptive sentiment model: not a version 1 model (expected { version: 1, bias, weights })');
    }
    const weights = new Map<string, [number, number, number]>();
    for (const [name, w] of Object.entries(j.weights)) {
      if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number')) {
        throw new Error(`adaptive sentiment model: weight '${name}' is not three numbers`);
      }
      weights.set(name, [w[0], w[1], w[2]]);
    }
    return new AdaptiveModel(weights, [j.bias[0] ?? 0, j.bias[1] ?? 0, j.bias[2] ?? 0], j.examples ?? 0);
  }
}

function logits(
  weights: Map<string, [number, number, number]>,
  bias: [number, number, number],
  f: Map<string, number>,
): number[] {
  const z = [bias[0], bias[1], bias[2]];
  for (const [name, x] of f) {
    const w = weights.get(name);
    if (!w) continue;
    z[0] = (z[0] ?? 0) + w[0] * x;
    z[1] = (z[1] ?? 0) + w[1] * x;
    z[2] = (z[2] ?? 0) + w[2] * x;
  }
  return z;
}

function softmax(z: number[]): [number, number, number] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return [(e[0] ?? 0) / s, (e[1] ?? 0) / s, (e[2] ?? 0) / s];
}

const round = (n: number) => Math.round(n * 1000) / 1000;
