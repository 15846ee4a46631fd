/**
 * Regenerates the derived lexicon modules beside this file. Run by hand when a source changes:
 *
 *   npx tsx resources/lexicon/generate.ts
 *
 * Sources (read at build time only; the app imports the JSON written here, never the sources):
 * - nl-pattern.json ← Pattern's Dutch adjective lexicon, `../shared/reference/pattern-nl/nl-sentiment.xml`
 *   (Tom De Smedt & Walter Daelemans, CLiPS, University of Antwerp; the lexicon file is PDDL,
 *   the Pattern code BSD-3). We keep one number per word form: the polarity averaged over its
 *   senses, weighted by each sense's subjectivity, hand-tagged senses counted fully and inferred
 *   ones (confidence < 1) at 0.7, intensifier ("ADVERB") senses left out, scaled
 *   from [-1, 1] to the [-4, 4] valence scale the English lexicon uses.
 * - en-vader.json ← the VADER lexicon (C.J. Hutto, MIT) as shipped in the `vader-sentiment` npm
 *   package (Apache-2.0 port): word → mean human valence in [-4, 4].
 * - en-afinn.json ← AFINN-165 (Finn Årup Nielsen; the `sentiment` npm package, MIT) for English
 *   words VADER lacks, rescaled from [-5, 5] to [-4, 4].
 * - en-pattern.json ← Pattern's English adjective lexicon (same authors and licences as the Dutch
 *   one: PDDL data, BSD-3 code) as shipped in the `natural` npm package (MIT),
 *   `lib/natural/sentiment/English/pattern-sentiment-en.json`: single words VADER and AFINN lack,
 *   polarity [-1, 1] × EN_PATTERN_SCALE. Mostly mild description words ("accurate", "adept",
 *   "abundant"); scaled lower than the Dutch list because Pattern's English file keeps one sense
 *   per word, and a wrong sense must not outweigh VADER's human-rated words.
 */
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const PATTERN = path.resolve(root, '../shared/reference/pattern-nl/nl-sentiment.xml');
const VADER = path.resolve(root, 'node_modules/vader-sentiment/vader_lexicon.txt');
const AFINN = path.resolve(root, 'node_modules/sentiment/languages/en/labels.json');
const PATTERN_EN = path.resolve(root, 'node_modules/natural/lib/natural/sentiment/English/pattern-sentiment-en.json');

const round = (n: number) => Math.round(n * 100) / 100;
const INFERRED_SCALE = 0.6;
const PATTERN_SCALE = 3;
const EN_PATTERN_SCALE = 1.5;
/** Pattern English polarities weaker than this are left out (they are descriptions, not opinions). */
const EN_PATTERN_MIN = 0.1;

function patternDutch(): Record<string, number> {
  const xml = fs.readFileSync(PATTERN, 'utf8');
  const sums = new Map<string, { sum: number; weight: number; handTagged: boolean }>();
  for (const m of xml.matchAll(/<word ([^>]*)\/>/g)) {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1] ?? '')?.[1] ?? '';
    const form = attr('form').toLowerCase();
    const polarity = Number(attr('polarity'));
    const confidence = Number(attr('confidence'));
    const subjectivity = Number(attr('subjectivity'));
    // An "ADVERB" sense is the word used as an intensifier ("verschrikkelijk duur"): the
    // scorer handles that role itself, so it must not dilute the word's own polarity.
    if (!form || Number.isNaN(polarity) || attr('sense').includes('ADVERB')) continue;
    const weight = (confidence >= 1 ? 1 : 0.7) * Math.max(0.2, subjectivity);
    const s = sums.get(form) ?? { sum: 0, weight: 0, handTagged: false };
    s.sum += polarity * weight;
    s.weight += weight;
    s.handTagged ||= confidence >= 1;
    sums.set(form, s);
  }
  const out: Record<string, number> = {};
  for (const [form, { sum, weight, handTagged }] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
    // Weak polarities become 0 but stay listed: a word known to be neutral must not be
    // re-derived by inflection rules or compound splitting into something else. Words whose
    // every sense was inferred, not hand-tagged, get INFERRED_SCALE of the strength.
    const valence = round((sum / weight) * PATTERN_SCALE * (handTagged ? 1 : INFERRED_SCALE));
    out[form] = Math.abs(valence) >= 0.3 ? valence : 0;
  }
  return out;
}

function vaderEnglish(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of fs.readFileSync(VADER, 'utf8').split('\n')) {
    const [token, mean] = line.split('\t');
    if (!token || mean === undefined) continue;
    out[token] = round(Number(mean));
  }
  return out;
}

function afinnEnglish(vader: Record<string, number>): Record<string, number> {
  const afinn = JSON.parse(fs.readFileSync(AFINN, 'utf8')) as Record<string, number>;
  const out: Record<string, number> = {};
  for (const [word, score] of Object.entries(afinn)) {
    if (word in vader || word.includes(' ')) continue;
    out[word] = round(score * 0.8);
  }
  return out;
}

function patternEnglish(known: Record<string, number>): Record<string, number> {
  const pattern = JSON.parse(fs.readFileSync(PATTERN_EN, 'utf8')) as Record<string, { polarity: string }>;
  const out: Record<string, number> = {};
  for (const [word, { polarity }] of Object.entries(pattern)) {
    const p = Number(polarity);
    if (word in known || /[\s-]/.test(word) || Number.isNaN(p) || Math.abs(p) < EN_PATTERN_MIN) continue;
    out[word] = round(p * EN_PATTERN_SCALE);
  }
  return out;
}

/**
 * Written as [word, valence] pairs (an object would give bundlers keys such as "eval" to
 * export), one per line as Prettier formats them, so regenerating leaves no formatting diff.
 */
function write(name: string, data: Record<string, number>) {
  const lines = Object.entries(data).map(([word, valence]) => `  [${JSON.stringify(word)}, ${valence}]`);
  fs.writeFileSync(path.join(here, name), `[\n${lines.join(',\n')}\n]\n`);
  console.log(`${name}: ${Object.keys(data).length} entries`);
}

const vader = vaderEnglish();
write('nl-pattern.json', patternDutch());
write('en-vader.json', vader);
const afinn = afinnEnglish(vader);
write('en-afinn.json', afinn);
write('en-pattern.json', patternEnglish({ ...vader, ...afinn }));
