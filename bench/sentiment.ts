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
 *
 *   npx tsx bench/sentiment.ts    prints the JSON
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { languageSamples } from '../electron/engine/analysis/fixtures/language-samples';
import { AdaptiveModel, createAnalyzer, detectLanguage, type Analyzer } from '../electron/engine/analysis/index';

type Label = 'positive' | 'neutral' | 'negative';
interface Row {
  text: string;
  label: Label;
  set: string;
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
      rows.push({ text: text.join('\t'), label: m > 0 ? 'positive' : 'negative', set: set.replace('Snippets', '') });
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

export async function benchSentiment(): Promise<Record<string, unknown>> {
  const nl = loadDutch();
  const en = loadEnglish();
  const table: Record<string, unknown> = {};
  table.watchpost = await evaluate(ours(createAnalyzer(), false), nl, en);
  table['watchpost (language detected)'] = await evaluate(ours(createAnalyzer(), true), nl, en);
  for (const lib of await libraries()) table[lib.name] = await evaluate(lib, nl, en);
  return {
    sets: { nl: { posts: nl.length, labels: '3-class' }, en: { posts: en.length, labels: 'binary (mean > 0 vs < 0)' } },
    sentiment: table,
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
