import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryLikeText, queryTree } from './arbitrary.testkit';
import { highlightQuery } from './highlight';
import { parseQuery } from './parser';
import { printQuery } from './print';

describe('print and parse are each other’s inverse', () => {
  it('parse(print(tree)) gives back every generated tree', () => {
    fc.assert(
      fc.property(queryTree, (tree) => {
        const printed = printQuery(tree);
        const parsed = parseQuery(printed);
        expect(parsed, printed).toEqual({ ok: true, ast: tree });
      }),
      { numRuns: 2000 },
    );
  });

  it('print(parse(query)) is canonical: printing what it reads back changes nothing', () => {
    fc.assert(
      fc.property(queryLikeText, (query) => {
        const parsed = parseQuery(query);
        if (!parsed.ok) return;
        const canonical = printQuery(parsed.ast);
        const again = parseQuery(canonical);
        expect(again, canonical).toEqual(parsed);
        if (again.ok) expect(printQuery(again.ast)).toBe(canonical);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on any input, and a mistake always points inside or just after the query', () => {
    fc.assert(
      fc.property(fc.oneof(queryLikeText, fc.string({ unit: 'binary', maxLength: 40 })), (query) => {
        const parsed = parseQuery(query);
        if (parsed.ok) return;
        expect(parsed.error.column).toBeGreaterThanOrEqual(1);
        expect(parsed.error.column).toBeLessThanOrEqual(query.length + 1);
        expect(parsed.error.message).toMatch(new RegExp(`^column ${parsed.error.column}: `));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('highlightQuery', () => {
  it('colours each part of a query by what it is', () => {
    expect(highlightQuery('(storing OF #fail) kanaal:x "slechte wifi" @jan NEAR/3 glas*')).toEqual([
      { from: 0, to: 1, kind: 'paren' },
      { from: 1, to: 8, kind: 'term' },
      { from: 9, to: 11, kind: 'operator' },
      { from: 12, to: 17, kind: 'hashtag' },
      { from: 17, to: 18, kind: 'paren' },
      { from: 19, to: 26, kind: 'field' },
      { from: 26, to: 27, kind: 'value' },
      { from: 28, to: 42, kind: 'phrase' },
      { from: 43, to: 47, kind: 'handle' },
      { from: 48, to: 54, kind: 'operator' },
      { from: 55, to: 60, kind: 'term' },
    ]);
  });

  it('marks what cannot be read as an error and goes on colouring after it', () => {
    expect(highlightQuery('chanel:x storing')).toEqual([
      { from: 0, to: 8, kind: 'error' },
      { from: 9, to: 16, kind: 'term' },
    ]);
  });

  it('gives ordered, non-overlapping spans inside the query for any input', () => {
    fc.assert(
      fc.property(fc.oneof(queryLikeText, fc.string({ maxLength: 40 })), (query) => {
        let end = 0;
        for (const span of highlightQuery(query)) {
          expect(span.from).toBeGreaterThanOrEqual(end);
          expect(span.to).toBeGreaterThan(span.from);
          expect(span.to).toBeLessThanOrEqual(query.length);
          end = span.to;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
