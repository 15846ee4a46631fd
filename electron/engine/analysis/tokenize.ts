/**
 * Splits a post into the pieces the language detector and the sentiment scorer look at:
 * words, hashtags, @handles, links, emoji, emoticons, numbers and clause punctuation.
 * One pass with a sticky regular expression, so a post costs a few microseconds.
 */

export type TokenKind = 'word' | 'hashtag' | 'handle' | 'url' | 'emoji' | 'emoticon' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The text as written (for a hashtag or handle: without '#' or '@'). */
  raw: string;
  /** Lower-cased; letters repeated three times or more are cut back to two ("superrrr" → "superr"). */
  norm: string;
  /** Written in capitals ("SLECHT", "NOT"), three letters or more. */
  caps: boolean;
  /** A letter was repeated three times or more ("superrrr", "nooooo"). */
  elongated: boolean;
}

// Order matters: a link must win over an emoticon (":/" in "https://"), a handle over a word.
const URL = String.raw`(?:https?:\/\/|www\.)[^\s]+`;
const HANDLE = String.raw`@[\p{L}\p{N}_]+`;
const HASHTAG = String.raw`#[\p{L}\p{N}_]+`;
// Western emoticons; the look-behind keeps "10:30" and "(1/8)" from matching.
// Western emoticons, at the start, after a space, a letter or sentence punctuation ("leuk:)"),
// so "10:30" and "(1/8)" do not match.
const EMOTICON = String.raw`(?<=^|[\s\p{L}!?.,])(?:[:;=][-'^o]?[)(\]\[DPpOo*|\/\\@$3]+|(?<![\p{L}])[xX]-?D+|<\/?3+|\^[_.-]?\^|(?<![\p{L}])[)(][-'^]?[:;=])(?![\p{L}\p{N}])`;
const EMOJI = String.raw`\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*`;
// Words keep inner apostrophes (don't, z'n, auto's); Dutch "'t", "'s", "'n" stand alone.
const WORD = String.raw`'[tsnk](?![\p{L}])|[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|['’](?=[\p{L}]))*`;
const NUMBER = String.raw`\p{N}+(?:[.,:]\p{N}+)*`;
const PUNCT = String.raw`[!?.,;:…()"“”]+|\s-\s|\s–\s`;

const TOKEN_RE = new RegExp(
  `(${URL})|(${HANDLE})|(${HASHTAG})|(${EMOTICON})|(${EMOJI})|(${WORD})|(${NUMBER})|(${PUNCT})`,
  'gu',
);
const KINDS: TokenKind[] = ['url', 'handle', 'hashtag', 'emoticon', 'emoji', 'word', 'number', 'punct'];

const ELONGATION_RE = /(\p{L})\1{2,}/gu;
const HAS_LOWER_RE = /\p{Ll}/u;
const HAS_UPPER_RE = /\p{Lu}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    let group = 1;
    while (m[group] === undefined) group++;
    const kind = KINDS[group - 1] ?? 'punct';
    let raw = m[0];
    if (kind === 'hashtag' || kind === 'handle') raw = raw.slice(1);
    if (kind === 'punct') raw = raw.trim();
    tokens.push(makeToken(kind, raw));
  }
  return tokens;
}

function makeToken(kind: TokenKind, raw: string): Token {
  if (kind !== 'word' && kind !== 'hashtag') {
    return {
      kind,
      raw,
      norm: kind === 'emoticon' || kind === 'emoji' ? raw : raw.toLowerCase(),
      caps: false,
      elongated: false,
    };
  }
  const lower = raw.toLowerCase().replace(/’/g, "'");
  const norm = lower.replace(ELONGATION_RE, '$1$1');
  const caps = kind === 'word' && raw.length >= 3 && HAS_UPPER_RE.test(raw) && !HAS_LOWER_RE.test(raw);
  return { kind, raw, norm, caps, elongated: norm !== lower };
}

/** Splits "#BlijfThuis" / "#blijf_thuis" into its words; an all-lower tag stays whole. */
export function hashtagWords(tag: string): string[] {
  return tag
    .replace(/_/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** True when most letters of the post are capitals: then capitals are not emphasis but style. */
export function shoutsThroughout(tokens: Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.raw.length < 2) continue;
    words++;
    if (!HAS_LOWER_RE.test(t.raw)) caps++;
  }
  return words > 0 && caps / words > 0.6;
}
