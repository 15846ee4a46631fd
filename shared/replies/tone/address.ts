import type { TextModel, Word } from './text';
import { matchCase } from './text';

/**
 * Dutch form of address. An organisation that says `u` must not write `je/jij/jou/jouw`, and one that says
 * `je` must not write `u/uw`. Each wrong pronoun is found with a one-click fix that also handles the verb
 * in an inverted question ("Kun je" → "Kunt u", "Heeft u" → "Heb je") and possessive `je` ("je pakket" → "uw pakket").
 */

export interface AddressHit {
  start: number;
  end: number;
  found: string;
  replacement: string;
}

/** Inverted verb forms before `je` and their forms before `u`. */
const VERB_JE_TO_U: Record<string, string> = {
  kun: 'kunt',
  kan: 'kunt',
  wil: 'wilt',
  heb: 'hebt',
  ben: 'bent',
  zal: 'zult',
  word: 'wordt',
  vind: 'vindt',
  ga: 'gaat',
  doe: 'doet',
  zie: 'ziet',
  sta: 'staat',
  krijg: 'krijgt',
  weet: 'weet',
  mag: 'mag',
  moet: 'moet',
  zou: 'zou',
  had: 'had',
  was: 'was',
  hoef: 'hoeft',
  stuur: 'stuurt',
  neem: 'neemt',
  bel: 'belt',
  kom: 'komt',
  woon: 'woont',
  ontvang: 'ontvangt',
  gebruik: 'gebruikt',
  zoek: 'zoekt',
  bedoel: 'bedoelt',
  merk: 'merkt',
  probeer: 'probeert',
  heet: 'heet',
  denk: 'denkt',
};

const VERB_U_TO_JE: Record<string, string> = {
  ...Object.fromEntries(Object.entries(VERB_JE_TO_U).map(([je, u]) => [u, je])),
  kunt: 'kun',
  heeft: 'heb',
  zult: 'zal',
  weet: 'weet',
};

/** Words after `je` that show it is the pronoun (u), not the possessive (uw). */
const PRONOUN_FOLLOWERS = new Set(
  (
    'niet wel ook nog al graag even dan daar hier er het dat deze die dit een de zelf nu toch best gewoon altijd ' +
    'meteen direct snel alvast per via op in aan met voor van bij naar over terug helaas misschien echt zeker eerst ' +
    'hebt bent kunt wilt zult mag moet zou had was kan wordt weet krijgt gaat doet ziet vindt'
  ).split(' '),
);

/** Nouns ending in -t that follow possessive `je` (so "je pakket" is not read as a verb). */
const T_NOUNS = new Set(
  'pakket bericht ticket account abonnement contract antwoord adres verzoek verhaal punt wachtwoord klantnummer dossiernummer ordernummer postcode'.split(
    ' ',
  ),
);

const SUBJECT_OPENERS = new Set(
  'als dat of wanneer zodra omdat waar hoe wat die terwijl voordat nadat zolang tenzij mits want en maar dus'.split(
    ' ',
  ),
);

function replacementForJe(words: readonly Word[], index: number, word: Word): string {
  const next = words[index + 1];
  const previous = words[index - 1];
  if (!next || next.sentence !== word.sentence || PRONOUN_FOLLOWERS.has(next.lower)) return 'u';
  const subjectPosition = word.first || (previous !== undefined && SUBJECT_OPENERS.has(previous.lower));
  if (subjectPosition && /[td]$/.test(next.lower) && !T_NOUNS.has(next.lower)) return 'u';
  return 'uw';
}

/** Verb before the pronoun in an inverted question, to be changed along with it. */
function invertedVerb(words: readonly Word[], index: number, word: Word, table: Record<string, string>): Word | null {
  const previous = words[index - 1];
  if (!previous || previous.sentence !== word.sentence) return null;
  if (table[previous.lower] !== undefined) return previous;
  return null;
}

function genericInversion(verb: string, toU: boolean): string {
  if (toU) return /[td]$/.test(verb) ? verb : `${verb}t`;
  return verb.endsWith('dt') || verb.endsWith('t') ? verb.slice(0, -1) : verb;
}

/** Wrong pronouns for the chosen form, each with its replacement. */
export function findAddress(model: TextModel, form: 'u' | 'je'): AddressHit[] {
  const hits: AddressHit[] = [];
  const { words, text } = model;
  for (const [index, word] of words.entries()) {
    let replacement: string | null = null;
    let table: Record<string, string>;
    if (form === 'u') {
      table = VERB_JE_TO_U;
      if (word.lower === 'je') replacement = replacementForJe(words, index, word);
      else if (word.lower === 'jij' || word.lower === 'jou') replacement = 'u';
      else if (word.lower === 'jouw') replacement = 'uw';
      else if (word.lower === 'jezelf') replacement = 'uzelf';
    } else {
      table = VERB_U_TO_JE;
      if (word.lower === 'u' && !isLetterInList(text, word)) replacement = 'je';
      else if (word.lower === 'uw') replacement = 'je';
      else if (word.lower === 'uzelf') replacement = 'jezelf';
    }
    if (replacement === null) continue;
    const verb =
      word.lower === 'je' || word.lower === 'u' || word.lower === 'jij'
        ? invertedVerb(words, index, word, table)
        : null;
    if (verb) replacement = form === 'u' ? 'u' : 'je';
    const subject = replacement === 'u' || replacement === 'je';
    if (verb) {
      const verbReplacement = matchCase(verb.text, table[verb.lower] ?? verb.text);
      hits.push({
        start: verb.start,
        end: word.end,
        found: text.slice(verb.start, word.end),
        replacement: `${verbReplacement}${text.slice(verb.end, word.start)}${replacement}`,
      });
      continue;
    }
    const previous = words[index - 1];
    if (subject && previous && previous.first && previous.sentence === word.sentence && isQuestion(model, word)) {
      const verbReplacement = matchCase(previous.text, genericInversion(previous.lower, form === 'u'));
      hits.push({
        start: previous.start,
        end: word.end,
        found: text.slice(previous.start, word.end),
        replacement: `${verbReplacement}${text.slice(previous.end, word.start)}${replacement}`,
      });
      continue;
    }
    hits.push({ start: word.start, end: word.end, found: word.text, replacement: matchCase(word.text, replacement) });
  }
  return hits;
}

/** The sentence of the word ends with a question mark: "Stuur je ons …?" is an inverted question. */
function isQuestion(model: TextModel, word: Word): boolean {
  const sentence = model.sentences[word.sentence];
  return sentence !== undefined && model.text.slice(sentence.start, sentence.end).trimEnd().endsWith('?');
}

/** "a) … u) …": a list letter is not the pronoun. */
function isLetterInList(text: string, word: Word): boolean {
  return text.charAt(word.end) === ')';
}
