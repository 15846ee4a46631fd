import { describe, expect, it } from 'vitest';
import type { QueryNode } from './ast';
import { parseQuery } from './parser';
import { printQuery } from './print';

function ast(query: string): QueryNode | null {
  const result = parseQuery(query);
  if (!result.ok) throw new Error(`expected ${query} to parse, got ${result.error.message}`);
  return result.ast;
}

const term = (text: string, prefix = false): QueryNode => ({ kind: 'term', text, prefix });

describe('parseQuery: the constructs', () => {
  it('reads words with implicit and explicit AND, OR and NOT, with NOT binding tighter than AND, AND tighter than OR', () => {
    expect(ast('storing glasvezel')).toEqual({ kind: 'and', children: [term('storing'), term('glasvezel')] });
    expect(ast('storing AND glasvezel')).toEqual(ast('storing glasvezel'));
    expect(ast('a OR b c')).toEqual({
      kind: 'or',
      children: [term('a'), { kind: 'and', children: [term('b'), term('c')] }],
    });
    expect(ast('a NOT b')).toEqual({ kind: 'and', children: [term('a'), { kind: 'not', child: term('b') }] });
    expect(ast('NOT a OR b')).toEqual({ kind: 'or', children: [{ kind: 'not', child: term('a') }, term('b')] });
  });

  it('accepts the Dutch operator words EN, OF and NIET, but only in capitals', () => {
    expect(ast('storing EN glasvezel OF wifi NIET trein')).toEqual(ast('storing AND glasvezel OR wifi NOT trein'));
    expect(ast('koffie en taart of thee')).toEqual({
      kind: 'and',
      children: ['koffie', 'en', 'taart', 'of', 'thee'].map((w) => term(w)),
    });
  });

  it('groups with parentheses and flattens nested groups of the same operator', () => {
    expect(ast('(storing OR glasvezel) AND channel:x')).toEqual({
      kind: 'and',
      children: [
        { kind: 'or', children: [term('storing'), term('glasvezel')] },
        { kind: 'field', field: 'channel', value: 'x' },
      ],
    });
    expect(ast('(a AND (b AND c)) AND d')).toEqual({ kind: 'and', children: ['a', 'b', 'c', 'd'].map((w) => term(w)) });
  });

  it('reads phrases (with escaped quotes), prefixes and NEAR/n', () => {
    expect(ast('"slechte wifi"')).toEqual({ kind: 'phrase', text: 'slechte wifi' });
    expect(ast('"zei \\"hallo\\" en \\\\ weg"')).toEqual({ kind: 'phrase', text: 'zei "hallo" en \\ weg' });
    expect(ast('glasvez*')).toEqual(term('glasvez', true));
    expect(ast('storing NEAR/5 "geen internet"')).toEqual({
      kind: 'near',
      left: term('storing'),
      right: { kind: 'phrase', text: 'geen internet' },
      distance: 5,
    });
  });

  it('reads #hashtags and @handles, including Mastodon and Bluesky handles', () => {
    expect(ast('#fail')).toEqual({ kind: 'hashtag', tag: 'fail' });
    expect(ast('#Stratumseind2026')).toEqual({ kind: 'hashtag', tag: 'Stratumseind2026' });
    expect(ast('@gemeente_eindhoven')).toEqual({ kind: 'handle', handle: 'gemeente_eindhoven' });
    expect(ast('@jan@mastodon.social')).toEqual({ kind: 'handle', handle: 'jan@mastodon.social' });
    expect(ast('@brabant.bsky.social')).toEqual({ kind: 'handle', handle: 'brabant.bsky.social' });
  });

  it('reads every field, canonicalising Dutch names and values', () => {
    expect(ast('kanaal:twitter taal:nl sentiment:negatief status:opgelost')).toEqual({
      kind: 'and',
      children: [
        { kind: 'field', field: 'channel', value: 'x' },
        { kind: 'field', field: 'lang', value: 'nl' },
        { kind: 'field', field: 'sentiment', value: 'negative' },
        { kind: 'field', field: 'status', value: 'resolved' },
      ],
    });
    expect(ast('author:"Jan Jansen"')).toEqual({ kind: 'field', field: 'author', value: 'Jan Jansen' });
    expect(ast('Assignee:anna topic:Stratumseind')).toEqual({
      kind: 'and',
      children: [
        { kind: 'field', field: 'assignee', value: 'anna' },
        { kind: 'field', field: 'topic', value: 'Stratumseind' },
      ],
    });
    expect(ast('after:2026-01-01 before:2026-02-01T08:30:00+01:00')).toEqual({
      kind: 'and',
      children: [
        { kind: 'date', field: 'after', value: '2026-01-01' },
        { kind: 'date', field: 'before', value: '2026-02-01T08:30:00+01:00' },
      ],
    });
    for (const [text, op] of [
      ['reach:>1000', '>'],
      ['reach:>=1000', '>='],
      ['reach:<1000', '<'],
      ['bereik:<=1000', '<='],
      ['reach:=1000', '='],
      ['reach:1000', '='],
    ] as const) {
      expect(ast(text)).toEqual({ kind: 'reach', op, value: 1000 });
    }
  });

  it('keeps words that only look like syntax: lower-case near, times, URLs, e-mail', () => {
    expect(ast('near 10:30 e-mail')).toEqual({ kind: 'and', children: [term('near'), term('10:30'), term('e-mail')] });
    expect(ast('https://www.eindhoven.nl/storing')).toEqual(term('https://www.eindhoven.nl/storing'));
  });

  it('treats an empty or blank query as "everything"', () => {
    expect(ast('')).toBeNull();
    expect(ast('   ')).toBeNull();
  });

  it('prints a canonical form that reads back to the same tree', () => {
    const query =
      'kanaal:twitter (storing OF glasvezel*) NIET "slechte wifi" #fail @jan reach:1000 author:"Jan Jansen"';
    const canonical = printQuery(ast(query));
    expect(canonical).toBe(
      'channel:x AND (storing OR glasvezel*) AND NOT "slechte wifi" AND #fail AND @jan AND reach:1000 AND author:"Jan Jansen"',
    );
    expect(ast(canonical)).toEqual(ast(query));
    expect(printQuery(ast('NOT (a OR b) c'))).toBe('NOT (a OR b) AND c');
  });
});

describe('parseQuery: mistakes name the column and what was expected', () => {
  const cases: [query: string, column: number, message: string][] = [
    ['storing AND', 12, 'expected a term after AND'],
    ['storing EN ', 12, 'expected a term after EN'],
    ['AND storing', 1, 'expected a term before AND'],
    ['storing OR OR glasvezel', 12, 'expected a term after OR'],
    ['storing NOT', 12, 'expected a term after NOT'],
    ['(storing OR glasvezel', 22, "expected ')' to close the '(' at column 1"],
    ['storing)', 8, "unexpected ')'; there is no '(' for it to close"],
    ['storing ()', 10, 'expected a term inside the parentheses'],
    ['"slechte wifi', 1, 'this phrase is never closed; expected a closing "'],
    ['storing *', 9, "expected a word before '*', as in storing*"],
    ['glas*vezel', 5, "'*' can only end a word, as in storing*"],
    ['chanel:x', 1, "unknown field 'chanel'; expected one of channel, lang, sentiment, author, status"],
    ['channel:', 9, 'expected a value after channel:'],
    ['channel:twiter', 9, "'twiter' is not a channel; expected one of x, facebook"],
    ['sentiment:boos', 11, "'boos' is not a sentiment; expected one of positive, neutral, negative"],
    ['after:2026-02-30', 7, "'2026-02-30' is not a date; expected yyyy-mm-dd, as in after:2026-01-01"],
    ['reach:>veel', 7, 'expected a number after reach:, as in reach:>1000'],
    ['storing NEAR/ wifi', 9, 'expected a distance in words after NEAR/, as in NEAR/5'],
    ['#fail NEAR/3 wifi', 7, 'NEAR/3 joins two words or phrases, as in storing NEAR/5 glasvezel'],
    ['a NEAR/3 b NEAR/3 c', 12, 'NEAR/3 joins two words; join more pairs with AND'],
    ['# storing', 1, "expected letters or digits after '#', as in #storing"],
    ['^', 1, "'^' has no letters or digits to search for"],
    [':', 1, "expected a field name before ':', as in channel:x"],
  ];

  it.each(cases)('%s → column %i', (query, column, message) => {
    const result = parseQuery(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.column).toBe(column);
    expect(result.error.message).toContain(`column ${column}: ${message}`);
  });

  it('underlines the whole offending part, not just its first character', () => {
    const result = parseQuery('storing channel:twiter');
    expect(result).toMatchObject({ ok: false, error: { column: 17, length: 6, code: 'invalid_value' } });
  });
});
