/**
 * Lemma candidates for a word that is not in the lexicon as written. Rules, not a dictionary:
 * each candidate is only used if the lexicon knows it, so a wrong guess costs nothing.
 *
 * Dutch: adjective inflection (-e, -er, -st, -ste, partitive -s: "goede", "mooier", "leukste",
 * "iets leuks") with the spelling changes that come with it ("grote" → groot, "lieve" → lief,
 * "boze" → boos, "dikke" → dik), plurals ("storingen", "problemen"), verb forms ("baalt",
 * "baalde", "gebaald"), diminutives ("feestje", "balletje", "filmpje") and -heid nouns
 * ("onveiligheid" → onveilig). Compounds are split separately (see `splitDutchCompound`).
 * English: -s, -es, -ies, -ed, -ing, -ly, -er, -est, -ness with their spelling changes.
 */

const VOWELS = 'aeiou';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);

/** "grot" → "groot", "probleem" from "problem": an open syllable's vowel is written double. */
function doubleVowel(stem: string): string | null {
  const n = stem.length;
  const v = stem[n - 2];
  if (n < 3 || isVowel(stem[n - 1]) || !isVowel(v) || isVowel(stem[n - 3]) || v === 'i') return null;
  return stem.slice(0, n - 1) + v + stem.slice(n - 1);
}

/** Undo what adding -e/-en/-er did to a Dutch stem: double consonant, v/z voicing, vowel. */
function dutchStems(stem: string): string[] {
  if (stem.length < 2) return [];
  const out = [stem];
  const last = stem[stem.length - 1];
  if (last !== undefined && last === stem[stem.length - 2] && !isVowel(last)) out.push(stem.slice(0, -1));
  let devoiced = stem;
  if (last === 'v') devoiced = `${stem.slice(0, -1)}f`;
  if (last === 'z') devoiced = `${stem.slice(0, -1)}s`;
  if (devoiced !== stem) out.push(devoiced);
  const doubled = doubleVowel(devoiced);
  if (doubled) out.push(doubled);
  return out;
}

export interface DutchCandidates {
  /** Forms an adjective takes: -e, -er, -st, -ste, partitive -s, -heid ("goede", "leukste"). */
  adjective: string[];
  /** Forms of nouns and verbs: plurals, -t, -de/-te, participles, diminutives ("storingen", "baalt"). */
  other: string[];
}

export function dutchCandidates(word: string): DutchCandidates {
  const adjective: string[] = [];
  const other: string[] = [];
  const add = (list: string[], min: number, ...stems: string[]) => {
    for (const s of stems) if (s.length >= min && s !== word && !list.includes(s)) list.push(s);
  };
  const adj = (...stems: string[]) => add(adjective, 3, ...stems);
  // Verb and noun stems of three letters are too often another word ("moet" is not "moe").
  const noun = (...stems: string[]) => add(other, 4, ...stems);
  const w = word;
  if (w.endsWith('ste')) adj(w.slice(0, -3));
  if (w.endsWith('st')) adj(w.slice(0, -2));
  if (w.endsWith('ere')) adj(...dutchStems(w.slice(0, -3)));
  if (w.endsWith('der')) adj(w.slice(0, -3));
  if (w.endsWith('er')) adj(...dutchStems(w.slice(0, -2)));
  if (w.endsWith('heid')) adj(w.slice(0, -4));
  if (w.endsWith('e')) adj(...dutchStems(w.slice(0, -1)));
  if (w.endsWith('s') && w.length > 4) adj(w.slice(0, -1));
  // Diminutives: "feestjes" → "feestje" → "feest", "balletje" → "bal", "filmpje" → "film".
  const dim = w.endsWith('jes') ? w.slice(0, -1) : w;
  if (dim.endsWith('je') && dim.length > 4) {
    if (dim.endsWith('etje')) noun(...dutchStems(dim.slice(0, -4)));
    if (dim.endsWith('tje') || dim.endsWith('pje') || dim.endsWith('kje')) noun(dim.slice(0, -3));
    noun(dim.slice(0, -2));
  }
  if (w.endsWith('en')) noun(...dutchStems(w.slice(0, -2)));
  if (w.endsWith('de') || w.endsWith('te')) noun(...dutchStems(w.slice(0, -2)));
  if (w.endsWith('s')) noun(w.slice(0, -1));
  if (w.endsWith("'s")) noun(w.slice(0, -2));
  if (w.endsWith('t')) noun(w.slice(0, -1));
  // Past participles: "gebaald" → "baal", "geërgerd" → "erger".
  if (w.startsWith('ge') && w.length > 5 && (w.endsWith('d') || w.endsWith('t'))) {
    const core = w.slice(2, -1).replace(/^ë/, 'e');
    noun(core, ...dutchStems(core), `${core}en`);
  }
  return { adjective, other };
}

/** Prefixes that make any compound negative ("kutweer", "klotedag", "rotzooi"). */
const NEGATIVE_PREFIXES: readonly [string, number][] = [
  ['kut', -2.5],
  ['klote', -2.5],
  ['kanker', -2.5],
  ['tering', -2.5],
  ['tyfus', -2.5],
  ['pokke', -2.2],
  ['kolere', -2.2],
  ['shit', -2.2],
  ['rot', -1.8],
  ['waardeloos', -2.5],
  ['wan', -1.5],
];
/** Prefixes that praise on their own ("topavond", "droomhuis") and intensify a sentiment head. */
const POSITIVE_PREFIXES: readonly [string, number][] = [
  ['top', 2],
  ['droom', 1.8],
  ['super', 1.5],
  ['wereld', 1.2],
  ['feest', 1.2],
  ['kei', 1.2],
];
/** Prefixes that only intensify: "megafile", "doodziek", "bloedmooi", "oersaai". */
const INTENSIFYING_PREFIXES = [
  'mega',
  'hyper',
  'ultra',
  'reuze',
  'bere',
  'dood',
  'bloed',
  'oer',
  'aarts',
  'knetter',
  'snoei',
  'steen',
  'stok',
  'hartstikke',
  'super',
  'kei',
  'top',
];

/** Nouns in ge- that look like participles but are compound heads ("partnergeweld"). */
const GE_NOUNS = new Set(['geweld', 'gevecht', 'gezeur', 'gezeik', 'gedoe', 'gejuich', 'geluk', 'gevaar', 'gemopper']);

export interface CompoundSplit {
  valence: number;
  head: string | null;
}

/**
 * Dutch compounds are right-headed: "treinstoring" is a kind of storing. A compound takes its
 * head's valence (found with `headValence`, which applies inflection); an evaluative prefix
 * ("kut-", "top-") gives a valence of its own, an intensifying one strengthens the head's.
 * Heads must be at least five letters, or four for nouns from the curated list (`shortHeadOk`),
 * so "onderwijs" is not read as "onder" + "wijs".
 */
export function splitDutchCompound(
  word: string,
  headValence: (head: string) => number | undefined,
  shortHeadOk: (head: string) => boolean,
): CompoundSplit | null {
  if (word.length < 6) return null;
  for (const [prefix, valence] of NEGATIVE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) return { valence, head: null };
  }
  for (let k = 3; k <= word.length - 4; k++) {
    const head = word.slice(k);
    if (head.length < 5 && !shortHeadOk(head)) continue;
    // A head is a noun or adjective, never a participle: "coalitiegenoten" are not "genoten",
    // "zelfgemaakt" is not "gemaakt". Listed nouns in ge- (geweld, geluk) may be heads.
    if (head.startsWith('ge') && !GE_NOUNS.has(head) && (!shortHeadOk(head) || /(en|d|t)$/.test(head))) continue;
    const v = headValence(head);
    if (v === undefined) continue;
    const mod = word.slice(0, k);
    const intensified = INTENSIFYING_PREFIXES.includes(mod) || INTENSIFYING_PREFIXES.includes(mod.replace(/s$/, ''));
    return { valence: intensified ? v * 1.4 : v * 0.9, head };
  }
  for (const [prefix, valence] of POSITIVE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) return { valence, head: null };
  }
  return null;
}

export function englishCandidates(word: string): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (s.length >= 3 && s !== word && !out.includes(s)) out.push(s);
  };
  const w = word.replace(/’/g, "'");
  if (w.endsWith("'s")) add(w.slice(0, -2));
  if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
  if (w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
    if (w[w.length - 3] === w[w.length - 4]) add(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}e`);
    if (w[w.length - 4] === w[w.length - 5]) add(w.slice(0, -4));
  }
  if (w.endsWith('ily')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('bly')) add(`${w.slice(0, -1)}e`);
  if (w.endsWith('ly')) add(w.slice(0, -2));
  if (w.endsWith('iness')) add(`${w.slice(0, -5)}y`);
  if (w.endsWith('ness')) add(w.slice(0, -4));
  if (w.endsWith('est')) add(w.slice(0, -3));
  if (w.endsWith('er')) add(w.slice(0, -2));
  if (w.endsWith('er') || w.endsWith('est')) add(w.replace(/(er|est)$/, 'e'));
  return out;
}

/**
 * Dutch and English share thousands of Latin and French loanwords whose endings map one to one
 * (frustratie → frustration, agressief → aggressive, racisme → racism, serieus → serious,
 * catastrofaal → catastrophal…). A Dutch word the Dutch lexicon lacks is tried in the English
 * one through these endings; identical spellings count too ("absurd", "arrogant").
 */
const COGNATE_ENDINGS: readonly [string, string[]][] = [
  ['aties', ['ations']],
  ['atie', ['ation']],
  ['ties', ['tions']],
  ['tie', ['tion', 'cy', 'ty']],
  ['sie', ['sion', 'sy']],
  ['iteit', ['ity']],
  ['teit', ['ty']],
  ['isch', ['ic', 'ical', 'istic']],
  ['ische', ['ic', 'ical']],
  ['ieel', ['ial']],
  ['iële', ['ial']],
  ['eel', ['al']],
  ['ele', ['al']],
  ['aal', ['al', 'ic']],
  ['ale', ['al']],
  ['air', ['ary', 'ar']],
  ['aire', ['ary', 'ar']],
  ['ief', ['ive']],
  ['ieve', ['ive']],
  ['isme', ['ism']],
  ['eus', ['ous']],
  ['euze', ['ous']],
  ['abel', ['able']],
  ['abele', ['able']],
  ['ibel', ['ible']],
  ['ant', ['ant']],
  ['ante', ['ant']],
  ['ent', ['ent']],
  ['ente', ['ent']],
  ['ie', ['y']],
  ['ist', ['ist']],
  ['iek', ['ic']],
  ['eren', ['ate', 'e']],
];

export function englishCognates(word: string): string[] {
  if (word.length < 6) return [];
  const out = [word];
  for (const [nl, ens] of COGNATE_ENDINGS) {
    if (!word.endsWith(nl)) continue;
    const stem = word
      .slice(0, -nl.length)
      .replace(/k(?=[eiy])/g, 'c')
      .replace(/f(?=[aeiou]?$)/, 'ph');
    for (const en of ens) out.push(stem + en, stem.replace(/k/g, 'c') + en);
  }
  return [...new Set(out)];
}
