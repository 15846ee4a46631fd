import type { DateNode, FieldNode, HandleNode, HashtagNode, PhraseNode, ReachNode, TermNode } from './ast';
import type { Mistake } from './errors';
import { FIELD_NAMES, fieldFor, readFieldValue } from './fields';

/** Operator words, upper case only: lower-case "en", "of", "and" are ordinary words people search for. */
const OPERATORS: Record<string, 'and' | 'or' | 'not'> = {
  AND: 'and',
  EN: 'and',
  OR: 'or',
  OF: 'or',
  NOT: 'not',
  NIET: 'not',
};

interface Span {
  from: number;
  to: number;
}

export type Token = Span &
  (
    | { type: 'lparen' | 'rparen' }
    | { type: 'op'; op: 'and' | 'or' | 'not'; text: string }
    | { type: 'near'; distance: number; text: string }
    | { type: 'word'; node: TermNode | PhraseNode | HashtagNode | HandleNode }
    /** `valueFrom`: where the value starts, after the colon (for highlighting). */
    | { type: 'field'; node: FieldNode | DateNode | ReachNode; valueFrom: number }
    | { type: 'error'; mistake: Mistake }
  );

const HAS_WORD = /[\p{L}\p{N}]/u;
const HASHTAG_BODY = /^[\p{L}\p{M}\p{N}_]+$/u;
const HANDLE_BODY = /^[\p{L}\p{M}\p{N}_.@-]+$/u;
const FIELD_WORD = /^(\p{L}+):(.*)$/su;
const NEAR_WORD = /^NEAR\/(.*)$/s;
const BOUNDARY = /[\s()"]/u;

/** Splits a query into tokens. Never throws: what cannot be read becomes an `error` token, so highlighting goes on. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', from: i, to: i + 1 });
      i++;
    } else if (c === '"') {
      const quoted = readQuoted(query, i);
      tokens.push(phraseToken(quoted, i));
      i = quoted.end;
    } else {
      let end = i;
      while (end < query.length && !BOUNDARY.test(query[end] as string)) end++;
      const token = wordToken(query, i, end);
      tokens.push(token);
      i = token.to;
    }
  }
  return tokens;
}

interface Quoted {
  text: string;
  end: number;
  closed: boolean;
}

/** Reads `"..."` from the quote at `start`; inside, `\"` is a quote and `\\` a backslash. */
function readQuoted(query: string, start: number): Quoted {
  let text = '';
  let i = start + 1;
  while (i < query.length) {
    const c = query[i] as string;
    if (c === '"') return { text, end: i + 1, closed: true };
    if (c === '\\' && (query[i + 1] === '"' || query[i + 1] === '\\')) {
      text += query[i + 1];
      i += 2;
    } else {
      text += c;
      i++;
    }
  }
  return { text, end: query.length, closed: false };
}

/** An unreadable token spanning [from, to); `at` narrows what is underlined when only part of it is wrong. */
function mistake(from: number, to: number, code: Mistake['code'], detail: string, at: Span = { from, to }): Token {
  return { type: 'error', from, to, mistake: { from: at.from, to: at.to, code, detail } };
}

function phraseToken(quoted: Quoted, from: number): Token {
  if (!quoted.closed) {
    const detail = 'this phrase is never closed; expected a closing "';
    return mistake(from, quoted.end, 'unclosed_phrase', detail, { from, to: from + 1 });
  }
  if (!HAS_WORD.test(quoted.text)) {
    return mistake(from, quoted.end, 'no_words', `the phrase "${quoted.text}" has no letters or digits to search for`);
  }
  return { type: 'word', from, to: quoted.end, node: { kind: 'phrase', text: quoted.text } };
}

function wordToken(query: string, from: number, to: number): Token {
  const word = query.slice(from, to);
  const op = Object.hasOwn(OPERATORS, word) ? OPERATORS[word] : undefined;
  if (op) return { type: 'op', from, to, op, text: word };
  const near = NEAR_WORD.exec(word);
  if (near) {
    if (!/^\d{1,4}$/.test(near[1] as string)) {
      return mistake(from, to, 'invalid_near', 'expected a distance in words after NEAR/, as in NEAR/5');
    }
    return { type: 'near', from, to, distance: Number(near[1]), text: word };
  }
  if (word.startsWith('#')) {
    const tag = word.slice(1);
    if (!HASHTAG_BODY.test(tag) || !HAS_WORD.test(tag)) {
      return mistake(from, to, 'invalid_hashtag', "expected letters or digits after '#', as in #storing");
    }
    return { type: 'word', from, to, node: { kind: 'hashtag', tag } };
  }
  if (word.startsWith('@')) {
    const handle = word.slice(1);
    if (!HANDLE_BODY.test(handle) || !HAS_WORD.test(handle)) {
      return mistake(from, to, 'invalid_handle', "expected a handle after '@', as in @gemeente_eindhoven");
    }
    return { type: 'word', from, to, node: { kind: 'handle', handle } };
  }
  if (word.startsWith(':')) {
    return mistake(from, to, 'unknown_field', "expected a field name before ':', as in channel:x", {
      from,
      to: from + 1,
    });
  }
  const field = FIELD_WORD.exec(word);
  if (field && !(field[2] as string).startsWith('//')) return fieldToken(query, from, to, field[1] as string);
  return termToken(word, from, to);
}

function termToken(word: string, from: number, to: number): Token {
  const star = word.indexOf('*');
  const at = { from: from + star, to: from + star + 1 };
  if (star === 0) return mistake(from, to, 'misplaced_star', "expected a word before '*', as in storing*", at);
  if (star !== -1 && star !== word.length - 1) {
    return mistake(from, to, 'misplaced_star', "'*' can only end a word, as in storing*", at);
  }
  const prefix = star !== -1;
  const text = prefix ? word.slice(0, -1) : word;
  if (!HAS_WORD.test(text)) {
    return mistake(from, to, 'no_words', `'${word}' has no letters or digits to search for`);
  }
  return { type: 'word', from, to, node: { kind: 'term', text, prefix } };
}

/** `name:value` or `name:"quoted value"`; `to` is the end of the word (before any quote). */
function fieldToken(query: string, from: number, to: number, typedName: string): Token {
  const name = fieldFor(typedName);
  const valueFrom = from + typedName.length + 1;
  if (!name) {
    const detail = `unknown field '${typedName}'; expected one of ${FIELD_NAMES.join(', ')}`;
    return mistake(from, to, 'unknown_field', detail, { from, to: valueFrom });
  }
  let value = query.slice(valueFrom, to);
  let end = to;
  if (value === '' && query[to] === '"') {
    const quoted = readQuoted(query, to);
    if (!quoted.closed) {
      return mistake(from, quoted.end, 'unclosed_phrase', 'this value is never closed; expected a closing "', {
        from: to,
        to: quoted.end,
      });
    }
    value = quoted.text;
    end = quoted.end;
  }
  if (value === '') {
    return mistake(from, end, 'missing_value', `expected a value after ${typedName}:`, {
      from: valueFrom,
      to: valueFrom + 1,
    });
  }
  const read = readFieldValue(name, typedName, value);
  if (!read.ok) return mistake(from, end, 'invalid_value', read.detail, { from: valueFrom, to: end });
  return { type: 'field', from, to: end, valueFrom, node: read.node };
}
