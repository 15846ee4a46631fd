/**
 * Sentiment and language benchmark: our analyser beside vader-sentiment, wink-sentiment,
 * sentiment (AFINN), @nlpjs/sentiment and natural on the human-labelled development sets in
 * ../shared/reference/sentiment-dev/ (read in place, never copied):
 * - nl: 899 tweets by Dutch MPs, labelled positive / neutral / negative → accuracy, macro-F1;
 * - en: VADER's Amazon, movie-review and NYT-editorial snippets with a mean human rating;
 *   posts rated > 0 vs < 0 → binary accuracy (a score of exactly 0 counts as a miss, for all).
 * Libraries without Dutch run on the Dutch set anyway; @nlpjs uses its 'nl' locale and natural
 * its Dutch Pattern vocabulary. Three-class labels follow each library's own convention: VADER's
 * compound ±0.05, the sign of the score for the others.
 * Plus: the adaptive layer (train on one half as corrections, measure the other half), µs per
 * post, the language detector's accuracy, memory and module load time.
 * Guard against tuning to the development rows: every figure of ours is also given per half
 * (rows alternate A, B), and the Dutch neutral band is re-chosen on one half and measured on the
 * other (`twoFold`). A change to the method is kept only when both halves gain.
 * `englishCeiling` says how far binary accuracy can go on the English snippets: how many are
 * rated near neutral, accuracy by rating strength, and what a model trained on the other half of
 * the very same set reaches.
 *
 *   npx tsx bench/sentiment.ts    prints the JSON
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { languageSamples } from '../electron/engine/analysis/fixtures/language-samples';
import {
  AdaptiveModel,
  DEFAULT_THRESHOLDS,
  createAnalyzer,
  detectLanguage,
  type Analyzer,
  type Thresholds,
} from '../electron/engine/analysis/index';
import { labelFor } from '../electron/engine/analysis/sentiment';

type Label = 'positive' | 'neutral' | 'negative';
interface Row {
  text: string;
  label: Label;
  set: string;
  /** English only: the human mean rating, -4 … 4. */
  mean?: number;
}
interface Verdict {
  score: number;
  label: Label;
}
interface Library {
  name: string;
  run: (text: string, lang: 'nl' | 'en') => Verdict | Promise<Verdict>;
}

const DEV = path.resolve(process.cwd(), '../shared/reference/sentiment-dev');
const require = createRequire(import.meta.url);
/** Three-class label from the sign of a library's score (its own convention, except VADER's). */
const bySign = (score: number): Verdict => ({
  score,
  label: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral',
});

export function loadDutch(): Row[] {
  const records = parse(fs.readFileSync(path.join(DEV, 'nl/gold-polarity.csv')), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as { content?: string; polarity?: string }[];
  return records
    .map((r) => ({
      text: (r.content ?? '').replace(/\u00a0/g, ' ').trim(),
      label: (r.polarity ?? '').trim() as Label,
      set: 'nl',
    }))
    .filter((r) => r.text && ['positive', 'neutral', 'negative'].includes(r.label));
}

export function loadEnglish(): Row[] {
  const rows: Row[] = [];
  for (const set of ['amazonReviewSnippets', 'movieReviewSnippets', 'nytEditorialSnippets']) {
    for (const line of fs.readFileSync(path.join(DEV, `en/${set}_GroundTruth.txt`), 'utf8').split(/\r?\n/)) {
      const [, mean, ...text] = line.split('\t');
      const m = Number(mean);
      if (!text.length || Number.isNaN(m) || m === 0) continue;
      rows.push({
        text: text.join('\t'),
        label: m > 0 ? 'positive' : 'negative',
        set: set.replace('Snippets', ''),
        mean: m,
      });
    }
  }
  return rows;
}

function macroF1(gold: Label[], pred: Label[]): number {
  let sum = 0;
  for (const l of ['positive', 'neutral', 'negative'] as Label[]) {
    let tp = 0;
    let p = 0;
    let g = 0;
    pred.forEach((x, i) => {
      if (x === l) p++;
      if (gold[i] === l) g++;
      if (x === l && gold[i] === l) tp++;
    });
    const precision = p ? tp / p : 0;
    const recall = g ? tp / g : 0;
    sum += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return sum / 3;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

async function evaluate(lib: Library, nl: Row[], en: Row[]) {
  // Warm up (JIT, lazy tables, caches) so µs/post is the steady state an import job sees.
  for (const r of nl.slice(0, 100)) await lib.run(r.text, 'nl');
  for (const r of en.slice(0, 300)) await lib.run(r.text, 'en');
  const t0 = performance.now();
  const nlPred: Label[] = [];
  for (const r of nl) nlPred.push((await lib.run(r.text, 'nl')).label);
  const t1 = performance.now();
  const hits: Record<string, [number, number]> = {};
  let correct = 0;
  for (const r of en) {
    const s = (await lib.run(r.text, 'en')).score;
    const ok = (s > 0 && r.label === 'positive') || (s < 0 && r.label === 'negative');
    correct += ok ? 1 : 0;
    const h = (hits[r.set] ??= [0, 0]);
    h[0] += ok ? 1 : 0;
    h[1]++;
  }
  const t2 = performance.now();
  return {
    nl: {
      accuracy: r3(nlPred.filter((p, i) => p === nl[i]?.label).length / nl.length),
      macroF1: r3(
        macroF1(
          nl.map((r) => r.label),
          nlPred,
        ),
      ),
      usPerPost: r3(((t1 - t0) * 1000) / nl.length),
    },
    en: {
      binaryAccuracy: r3(correct / en.length),
      bySet: Object.fromEntries(Object.entries(hits).map(([k, [ok, n]]) => [k, r3(ok / n)])),
      usPerPost: r3(((t2 - t1) * 1000) / en.length),
    },
  };
}

/** The five libraries. natural replaces Math.sign globally (via sylvester) when loaded; undo that. */
async function libraries(): Promise<Library[]> {
  const vader = require('vader-sentiment') as {
    SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } };
  };
  const wink = require('wink-sentiment') as (t: string) => { score: number };
  const Afinn = require('sentiment') as new () => { analyze(t: string): { score: number } };
  const { Container } = require('@nlpjs/core') as { Container: new () => { use(x: unknown): void } };
  const { SentimentAnalyzer } = require('@nlpjs/sentiment') as {
    SentimentAnalyzer: new (o: unknown) => {
      process(i: { locale: string; text: string }): Promise<{ sentiment: { score: number } }>;
    };
  };
  const { LangNl } = require('@nlpjs/lang-nl') as { LangNl: unknown };
  const { LangEn } = require('@nlpjs/lang-en') as { LangEn: unknown };
  const realSign = Math.sign;
  process.env.DOTENV_CONFIG_QUIET = 'true';
  const natural = require('natural') as {
    SentimentAnalyzer: new (lang: string, stemmer: unknown, type: string) => { getSentiment(tokens: string[]): number };
    PorterStemmerNl: unknown;
    AggressiveTokenizerNl: new () => { tokenize(t: string): string[] };
    WordTokenizer: new () => { tokenize(t: string): string[] };
  };
  Math.sign = realSign;

  const afinn = new Afinn();
  const container = new Container();
  container.use(LangNl);
  container.use(LangEn);
  const nlpjs = new SentimentAnalyzer({ container });
  const naturalNl = new natural.SentimentAnalyzer('Dutch', natural.PorterStemmerNl, 'pattern');
  const naturalEn = new natural.SentimentAnalyzer('English', null, 'afinn');
  const tokNl = new natural.AggressiveTokenizerNl();
  const tokEn = new natural.WordTokenizer();
  return [
    {
      name: 'vader-sentiment',
      run: (t) => {
        const score = vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
        return { score, label: score >= 0.05 ? 'positive' : score <= -0.05 ? 'negative' : 'neutral' };
      },
    },
    { name: 'wink-sentiment', run: (t) => bySign(wink(t).score) },
    { name: 'sentiment (AFINN)', run: (t) => bySign(afinn.analyze(t).score) },
    {
      name: '@nlpjs/sentiment',
      run: async (t, lang) => bySign((await nlpjs.process({ locale: lang, text: t })).sentiment.score),
    },
    {
      name: 'natural',
      run: (t, lang) => {
        const tokens = (lang === 'nl' ? tokNl : tokEn).tokenize(t.toLowerCase());
        const s = (lang === 'nl' ? naturalNl : naturalEn).getSentiment(tokens);
        return bySign(Number.isFinite(s) ? s : 0);
      },
    },
  ];
}

function ours(analyzer: Analyzer, detect: boolean): Library {
  return {
    name: detect ? 'watchpost (language detected)' : 'watchpost',
    run: (t, lang) => analyzer.analyze(t, detect ? undefined : lang).sentiment,
  };
}

function adaptiveGain(rows: Row[], lang: 'nl' | 'en') {
  const base = createAnalyzer();
  const halves = [rows.filter((_, i) => i % 2 === 0), rows.filter((_, i) => i % 2 === 1)];
  const runs = [0, 1].map((k) => {
    const train = halves[k] ?? [];
    const test = halves[1 - k] ?? [];
    const t0 = performance.now();
    const model = AdaptiveModel.train(train.map((r) => base.correction(r.text, r.label, lang)));
    const trainMs = performance.now() - t0;
    const adapted = createAnalyzer({ adaptive: model.toJSON() });
    const gold = test.map((r) => r.label);
    const before = test.map((r) => base.analyze(r.text, lang).sentiment.label);
    const after = test.map((r) => adapted.analyze(r.text, lang).sentiment.label);
    const acc = (pred: Label[]) => pred.filter((p, i) => p === gold[i]).length / gold.length;
    return {
      corrections: train.length,
      tested: test.length,
      before: { accuracy: r3(acc(before)), macroF1: r3(macroF1(gold, before)) },
      after: { accuracy: r3(acc(after)), macroF1: r3(macroF1(gold, after)) },
      trainMs: Math.round(trainMs),
      modelKB: Math.round(JSON.stringify(model.toJSON()).length / 1024),
    };
  });
  return { halfAtoB: runs[0], halfBtoA: runs[1] };
}

function languageAccuracy(nl: Row[], en: Row[]) {
  const samples = languageSamples.map((s) => detectLanguage(s.text) === s.lang);
  const others = languageSamples.filter((s) => s.lang === 'other');
  const t0 = performance.now();
  const nlOk = nl.filter((r) => detectLanguage(r.text) === 'nl').length;
  const enOk = en.filter((r) => detectLanguage(r.text) === 'en').length;
  const us = ((performance.now() - t0) * 1000) / (nl.length + en.length);
  return {
    shortPosts: { correct: samples.filter(Boolean).length, of: samples.length },
    otherLanguagesAsOther: {
      correct: others.filter((s) => detectLanguage(s.text) === 'other').length,
      of: others.length,
    },
    dutchDevSetAsNl: r3(nlOk / nl.length),
    englishDevSetAsEn: r3(enOk / en.length),
    usPerPost: r3(us),
  };
}

/** Import time and memory of the analysis module alone, in a fresh process. */
function footprint() {
  const script = `
    globalThis.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const t = performance.now();
    const m = await import(${JSON.stringify(path.resolve('electron/engine/analysis/index.ts'))});
    const loadMs = performance.now() - t;
    const a = m.createAnalyzer();
    const t1 = performance.now();
    a.analyze('Weer storing bij de NS, sta al een uur te wachten 😡');
    const firstMs = performance.now() - t1;
    const words = ['storing', 'mooi', 'slecht', 'vertraging', 'top', 'bedankt', 'great', 'service', 'treinstoring', 'kutweer'];
    for (let i = 0; i < 100000; i++) a.analyze(words[i % 10] + ' nummer ' + i + ' van de dag ' + words[(i * 7) % 10] + ' post' + i);
    const t2 = performance.now();
    globalThis.gc?.();
    console.log(JSON.stringify({
      importMsViaTsx: loadMs,
      firstAnalyzeMs: firstMs,
      usPerPostOver100k: (t2 - t1) / 100,
      heapMBAfter100kPosts: (process.memoryUsage().heapUsed - heap0) / 1e6,
      processRssMB: process.memoryUsage().rss / 1e6,
    }));
  `;
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: process.cwd(),
    encoding: 'utf8',
  });
  try {
    const j = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
    return Object.fromEntries(Object.entries(j).map(([k, v]) => [k, Math.round(v * 10) / 10]));
  } catch {
    return { error: run.stderr.slice(0, 500) };
  }
}

/** Rows alternate between half A (even index) and half B (odd). */
const half = <T>(rows: T[], k: 0 | 1) => rows.filter((_, i) => i % 2 === k);

/** The neutral band that gives the best macro-F1 on some rows (grid of 0.025). */
function bestThresholds(gold: Label[], scores: number[]): Thresholds {
  let best = { positive: 0, negative: 0, f1: -1 };
  for (let p = 0; p <= 32; p++) {
    for (let n = 0; n <= 32; n++) {
      const t = { positive: p * 0.025, negative: n * 0.025 };
      const f1 = macroF1(
        gold,
        scores.map((s) => labelFor(s, t)),
      );
      if (f1 > best.f1 + 1e-9) best = { ...t, f1 };
    }
  }
  return { positive: best.positive, negative: best.negative };
}

/**
 * Ours per half. Dutch: macro-F1 of each half with the built-in thresholds, and with thresholds
 * chosen on the other half only (the honest estimate of what tuning the neutral band is worth).
 * English: binary accuracy per half, overall and per set.
 */
function twoFold(nl: Row[], en: Row[]) {
  const a = createAnalyzer();
  const halves = ([0, 1] as const).map((k) => {
    const rows = half(nl, k);
    const scores = rows.map((r) => a.analyze(r.text, 'nl').sentiment.score);
    return { rows, gold: rows.map((r) => r.label), scores };
  });
  const nlFold = (k: 0 | 1) => {
    const own = halves[k];
    const other = halves[1 - k];
    if (!own || !other) return {};
    const t = bestThresholds(other.gold, other.scores);
    return {
      macroF1: r3(
        macroF1(
          own.gold,
          own.scores.map((s) => labelFor(s, DEFAULT_THRESHOLDS)),
        ),
      ),
      thresholdsFromOtherHalf: { positive: r3(t.positive), negative: r3(t.negative) },
      macroF1WithThemHere: r3(
        macroF1(
          own.gold,
          own.scores.map((s) => labelFor(s, t)),
        ),
      ),
    };
  };
  const enFold = (k: 0 | 1) => {
    const rows = half(en, k);
    const ok = rows.map((r) => {
      const s = a.analyze(r.text, 'en').sentiment.score;
      return r.label === 'positive' ? s > 0 : s < 0;
    });
    const bySet: Record<string, number> = {};
    for (const set of new Set(rows.map((r) => r.set))) {
      const idx = rows.map((r, i) => (r.set === set ? i : -1)).filter((i) => i >= 0);
      bySet[set] = r3(idx.filter((i) => ok[i]).length / idx.length);
    }
    return { binaryAccuracy: r3(ok.filter(Boolean).length / rows.length), bySet };
  };
  return {
    nl: { defaultThresholds: DEFAULT_THRESHOLDS, halfA: nlFold(0), halfB: nlFold(1) },
    en: { halfA: enFold(0), halfB: enFold(1) },
  };
}

/**
 * Why English binary ≥ 0.90 is out of reach for a lexicon on these snippets: per set, the share
 * rated near neutral (|mean| < 0.5 and < 1 on -4 … 4, where the sign is close to a coin toss even
 * among raters), our accuracy by rating strength, and the accuracy of our analyser plus the
 * adaptive model trained on the other half of the same set (in-domain supervision, which no
 * shipped analyser has).
 */
function englishCeiling(en: Row[]) {
  const a = createAnalyzer();
  const out: Record<string, unknown> = {};
  for (const set of [...new Set(en.map((r) => r.set))]) {
    const rows = en.filter((r) => r.set === set);
    const strength = (lo: number, hi: number) => {
      const band = rows.filter((r) => Math.abs(r.mean ?? 0) >= lo && Math.abs(r.mean ?? 0) < hi);
      const ok = band.filter((r) => a.analyze(r.text, 'en').sentiment.score * (r.mean ?? 0) > 0).length;
      return { share: r3(band.length / rows.length), accuracy: r3(ok / Math.max(1, band.length)) };
    };
    const trained = ([0, 1] as const).map((k) => {
      const train = half(rows, k);
      const test = half(rows, k === 0 ? 1 : 0);
      const model = AdaptiveModel.train(train.map((r) => a.correction(r.text, r.label, 'en')));
      const adapted = createAnalyzer({ adaptive: model });
      const ok = test.filter((r) => adapted.analyze(r.text, 'en').sentiment.score * (r.mean ?? 0) > 0).length;
      return ok / test.length;
    });
    out[set] = {
      posts: rows.length,
      byRatingStrength: {
        'under 0.5': strength(0, 0.5),
        '0.5 to 1': strength(0.5, 1),
        '1 to 2': strength(1, 2),
        '2 and over': strength(2, 5),
      },
      trainedOnOtherHalf: r3(((trained[0] ?? 0) + (trained[1] ?? 0)) / 2),
    };
  }
  return out;
}

/**
 * Our cost per post the first time its words are seen (each new word goes through inflection,
 * cognate and compound rules) and once the word cache is warm, as in a long import.
 */
function cost(nl: Row[], en: Row[]) {
  const a = createAnalyzer();
  const pass = (rows: Row[], lang: 'nl' | 'en') => {
    const t = performance.now();
    for (const r of rows) a.analyze(r.text, lang);
    return r3(((performance.now() - t) * 1000) / rows.length);
  };
  const enSample = en.slice(0, 3000);
  const cold = { nl: pass(nl, 'nl'), en: pass(enSample, 'en') };
  const warm = { nl: pass(nl, 'nl'), en: pass(enSample, 'en') };
  return { usPerPostFirstSight: cold, usPerPostWarm: warm };
}

export async function benchSentiment(): Promise<Record<string, unknown>> {
  const nl = loadDutch();
  const en = loadEnglish();
  const table: Record<string, unknown> = {};
  const costs = cost(nl, en);
  table.watchpost = await evaluate(ours(createAnalyzer(), false), nl, en);
  table['watchpost (language detected)'] = await evaluate(ours(createAnalyzer(), true), nl, en);
  for (const lib of await libraries()) table[lib.name] = await evaluate(lib, nl, en);
  return {
    sets: { nl: { posts: nl.length, labels: '3-class' }, en: { posts: en.length, labels: 'binary (mean > 0 vs < 0)' } },
    sentiment: table,
    twoFold: twoFold(nl, en),
    englishCeiling: englishCeiling(en),
    cost: costs,
    adaptive: {
      nl: adaptiveGain(nl, 'nl'),
      enAmazon: adaptiveGain(
        en.filter((r) => r.set === 'amazonReview'),
        'en',
      ),
    },
    language: { ...languageAccuracy(nl, en), footprint: footprint() },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchSentiment(), null, 2));
}
