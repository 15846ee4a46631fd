/** fast-check generators of query trees and query-like text, for the property tests (test-only). */
import fc from 'fast-check';
import { CHANNELS, MENTION_STATUSES, SENTIMENT_LABELS } from '../domain/mention';
import { COMPARISONS, type QueryNode, type WordNode } from './ast';

const OPERATOR_WORDS = new Set(['AND', 'OR', 'NOT', 'EN', 'OF', 'NIET']);
const HAS_WORD = /[\p{L}\p{N}]/u;

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéëèïöüçñÉ0123456789';
const wordChars = fc.constantFrom(...`${letters}-.'_`.split(''));
const tagChars = fc.constantFrom(...`${letters}_`.split(''));
const handleChars = fc.constantFrom(...`${letters}_.@-`.split(''));

const stringOf = (chars: fc.Arbitrary<string>, maxLength = 12): fc.Arbitrary<string> =>
  fc.array(chars, { minLength: 1, maxLength }).map((cs) => cs.join(''));

const wordText = stringOf(wordChars).filter((w) => HAS_WORD.test(w) && !OPERATOR_WORDS.has(w));
/** Any text, including quotes, backslashes, FTS5 and SQL syntax, as long as it holds a word. */
const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((t) => HAS_WORD.test(t));

const wordNode: fc.Arbitrary<WordNode> = fc.oneof(
  fc.record({ kind: fc.constant('term' as const), text: wordText, prefix: fc.boolean() }),
  fc.record({ kind: fc.constant('phrase' as const), text: anyText }),
);

const isoDate = fc
  .record({
    day: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    form: fc.constantFrom('date', 'minutes', 'utc', 'offset'),
  })
  .map(({ day, form }) => {
    const iso = day.toISOString();
    if (form === 'date') return iso.slice(0, 10);
    if (form === 'minutes') return iso.slice(0, 16);
    if (form === 'utc') return iso.slice(0, 19) + 'Z';
    return iso.slice(0, 19) + '+02:00';
  });

const leaf: fc.Arbitrary<QueryNode> = fc.oneof(
  wordNode,
  fc.record({
    kind: fc.constant('near' as const),
    left: wordNode,
    right: wordNode,
    distance: fc.integer({ min: 0, max: 9999 }),
  }),
  fc.record({ kind: fc.constant('hashtag' as const), tag: stringOf(tagChars).filter((t) => HAS_WORD.test(t)) }),
  fc.record({ kind: fc.constant('handle' as const), handle: stringOf(handleChars).filter((h) => HAS_WORD.test(h)) }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constant('channel' as const),
    value: fc.constantFrom(...CHANNELS),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constant('lang' as const),
    value: fc.constantFrom('nl', 'en', 'other'),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constant('sentiment' as const),
    value: fc.constantFrom(...SENTIMENT_LABELS),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constant('status' as const),
    value: fc.constantFrom(...MENTION_STATUSES),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom('author' as const, 'assignee' as const, 'topic' as const),
    value: fc.string({ minLength: 1, maxLength: 15 }),
  }),
  fc.record({
    kind: fc.constant('date' as const),
    field: fc.constantFrom('after' as const, 'before' as const),
    value: isoDate,
  }),
  fc.record({ kind: fc.constant('reach' as const), op: fc.constantFrom(...COMPARISONS), value: fc.nat() }),
);

/** Flattens and-in-and and or-in-or, as the parser does. */
function normalise(node: QueryNode): QueryNode {
  if (node.kind === 'not') return { kind: 'not', child: normalise(node.child) };
  if (node.kind !== 'and' && node.kind !== 'or') return node;
  const kind = node.kind;
  const children = node.children.map(normalise).flatMap((c) => (c.kind === kind ? c.children : [c]));
  return { kind, children };
}

/** Query trees as the parser produces them. */
export const queryTree: fc.Arbitrary<QueryNode> = fc
  .letrec<{ node: QueryNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ kind: fc.constant('not' as const), child: tie('node') }),
      fc.record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        children: fc.array(tie('node'), { minLength: 2, maxLength: 4 }),
      }),
    ),
  }))
  .node.map(normalise);

/** Text that looks like queries, typos and attacks included: operators, fields, quotes, stars, SQL and FTS5 syntax. */
export const queryLikeText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'AND',
        'OR',
        'NOT',
        'EN',
        'OF',
        'NIET',
        'NEAR/3',
        'NEAR/',
        'NEAR(',
        '(',
        ')',
        '"',
        '*',
        '^',
        ':',
        '#',
        '@',
      ),
      fc.constantFrom(
        'channel:',
        'lang:',
        'sentiment:',
        'reach:>',
        'after:',
        'topic:',
        'author:',
        'x',
        'nl',
        '2026-01-01',
      ),
      fc.constantFrom(
        "'; DROP TABLE mentions; --",
        '"); DROP TABLE mentions; --',
        'a" OR "b',
        "' OR 1=1 --",
        '\\',
        '%',
        '_',
      ),
      wordText,
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 10 },
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom(' ', '', '  '), { minLength: parts.length, maxLength: parts.length })
      .map((gaps) => parts.map((p, i) => p + (gaps[i] ?? '')).join('')),
  );
