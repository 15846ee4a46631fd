/**
 * What counts as a term of a mention, for the term rollup and the "posts behind a term" drill.
 *
 * Words follow the full-text index's own tokens (unicode61, diacritics removed, lower case), so a word's
 * drill is one FTS5 MATCH: a word is a token of 4–40 letters (no digits) that is not a Dutch or English
 * stopword. Hashtags are `#` and 2–60 letters, digits or underscores, not inside a word or a link.
 * Each term counts once per mention, and every word of a mention counts (no cap), so a word's count in the
 * rollup is exactly the number of mentions its FTS5 MATCH finds.
 */

/** Stopwords of Dutch and English with four or more letters (shorter words never count). */
const STOPWORDS = new Set(
  (
    'aan aldus alle alles allebei also altijd andere anders been beide bent binnen boven daar daarom daarna ' +
    'dan dat deze dezelfde dient dikwijls doch doen door dus echter eens eerst eigen elke enig enige even ' +
    'geen gehad geweest haar hadden hebben hebt heeft heel hier hierin hij hoe hoewel hunne iets ieder ' +
    'jezelf jouw jullie kan kon konden kunnen kunt maar mijn mezelf moest moet moeten naar niet niets nog nooit ' +
    'omdat onder ongeveer ons onze ook over precies reeds sinds toch toen tot tussen uitgezonderd vaak van ' +
    'veel voor vooral waar waarom wanneer want waren was wat weer wel welke werd werden wie wiens wij wil ' +
    'willen wordt worden zal zelf zich zichzelf zij zijn zoals zodat zonder zou zouden zullen ' +
    'about above after again against also been before being below between both cannot could does doing ' +
    'down during each from further have having here hers herself himself into itself just more most myself ' +
    'once only other ours ourselves over same should some such than that their theirs them themselves then ' +
    'there these they this those through under until very were what when where which while whom will with ' +
    'would your yours yourself yourselves'
  ).split(' '),
);

const TOKEN = /[\p{L}\p{N}]+/gu;
const LETTERS = /^\p{L}{4,40}$/u;
const HASHTAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_]{2,60})(?![\p{L}\p{N}_])/gu;

const ASCII = /^[\t\n\r\x20-\x7e]*$/;
/** A letter, number or mark beyond ASCII: a text without one (emoji, typographic quotes) folds as ASCII does. */
const WORDY_BEYOND_ASCII = /(?=[\u0080-\u{10ffff}])[\p{L}\p{N}\p{M}]/u;

/** Lower case without diacritics, as the full-text index sees text (remove_diacritics 2). */
export function fold(text: string): string {
  // Most texts are plain ASCII: nothing to decompose then (a third of the tokenising time).
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct terms of a text: `#hashtags` and content words. */
export function termsOf(text: string): Set<string> {
  // Most texts hold no letters beyond ASCII (an emoji at most): their words are found by one scan over the
  // character codes (half the time of the patterns; a filtered terms panel tokenises up to ~4,000 texts).
  if (ASCII.test(text) || !WORDY_BEYOND_ASCII.test(text)) return asciiTermsOf(text.toLowerCase());
  const folded = fold(text);
  const out = new Set<string>();
  if (folded.includes('#')) for (const match of folded.matchAll(HASHTAG)) out.add(`#${match[1]!}`);
  // The tokens as strings, not match objects (less garbage); fewer than 4 UTF-16 units is fewer than 4
  // letters, so those skip the pattern.
  for (const token of folded.match(TOKEN) ?? []) {
    if (token.length >= 4 && LETTERS.test(token) && !STOPWORDS.has(token)) out.add(token);
  }
  return out;
}

/**
 * termsOf for lower-case text whose letters and numbers are all ASCII, the same terms: a letter is then a–z
 * and a number 0–9, so a token is a run of those (anything else, an emoji too, separates), and a word is
 * such a run of 4–40 letters without digits.
 */
export function asciiTermsOf(folded: string): Set<string> {
  const out = new Set<string>();
  if (folded.includes('#')) for (const match of folded.matchAll(HASHTAG)) out.add(`#${match[1]!}`);
  const length = folded.length;
  let start = -1;
  let digits = false;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? folded.charCodeAt(i) : 0;
    const letter = code >= 97 && code <= 122;
    if (letter || (code >= 48 && code <= 57)) {
      if (start < 0) {
        start = i;
        digits = false;
      }
      if (!letter) digits = true;
      continue;
    }
    if (start >= 0) {
      const size = i - start;
      if (!digits && size >= 4 && size <= 40) {
        const word = folded.slice(start, i);
        if (!STOPWORDS.has(word)) out.add(word);
      }
      start = -1;
    }
  }
  return out;
}

/** A term as typed (`#Dommel`, `Lampen`) in the form the rollup keeps, or null when it can never be a term. */
export function normalizeTerm(term: string): string | null {
  const folded = fold(term.trim());
  if (folded.startsWith('#')) return /^#[\p{L}\p{N}_]{2,60}$/u.test(folded) ? folded : null;
  return LETTERS.test(folded) && !STOPWORDS.has(folded) ? folded : null;
}

/** The FTS5 query that finds every mention holding a term (for a hashtag: its tokens as a phrase, a superset). */
export function ftsQueryOf(term: string): string {
  const tokens = term.replace(/^#/, '').match(TOKEN) ?? [];
  return `"${tokens.join(' ')}"`;
}

const termPatterns = new Map<string, RegExp>();

/** The pattern of a term as a whole token (a word) or a whole hashtag, with termsOf's boundaries. */
function patternOf(term: string): RegExp {
  let pattern = termPatterns.get(term);
  if (!pattern) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = term.startsWith('#')
      ? new RegExp(`(?<![\\p{L}\\p{N}_&/#])${escaped}(?![\\p{L}\\p{N}_])`, 'u')
      : new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
    if (termPatterns.size > 1000) termPatterns.clear();
    termPatterns.set(term, pattern);
  }
  return pattern;
}

/**
 * Whether a text holds a term (as normalizeTerm gives it): the same answer as `termsOf(text).has(term)`,
 * without listing every term (a substring test, then the term's boundaries).
 */
export function hasTerm(text: string, term: string): boolean {
  const folded = fold(text);
  return folded.includes(term) && patternOf(term).test(folded);
}
