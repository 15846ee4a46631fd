import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryTree } from './arbitrary.testkit';
import { compileQuery, toWhere } from './compile';
import { parseQuery } from './parser';

function compile(query: string): ReturnType<typeof compileQuery> {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return compileQuery(parsed.ast);
}

const FTS_SET = 'm.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)';

describe('compileQuery', () => {
  it('merges the words every result needs into one FTS5 match and leaves the fields to SQL', () => {
    expect(compile('(storing OR glasvezel) AND channel:x NOT sentiment:positive')).toEqual({
      match: '("storing" OR "glasvezel")',
      filter: { sql: '(m.channel = ? AND ((m.sentiment = ?) IS NOT 1))', params: ['x', 'positive'] },
    });
    expect(compile('storing glasvez* "slechte wifi" NOT trein NOT bus')).toEqual({
      match: '("storing" AND "glasvez"* AND "slechte wifi") NOT ("trein" OR "bus")',
      filter: null,
    });
    expect(compile('storing NEAR/5 "geen internet"').match).toBe('NEAR("storing" "geen internet", 5)');
  });

  it('tests words inside an OR with fields as a membership condition', () => {
    expect(compile('storing OR channel:x')).toEqual({
      match: null,
      filter: { sql: `(${FTS_SET} OR m.channel = ?)`, params: ['"storing"', 'x'] },
    });
    expect(compile('NOT storing')).toEqual({
      match: null,
      filter: { sql: `((${FTS_SET}) IS NOT 1)`, params: ['"storing"'] },
    });
  });

  it('adds the written sign for #hashtags and looks @handles up as authors too', () => {
    expect(compile('#fail_whale')).toEqual({
      match: '"fail_whale"',
      filter: { sql: "m.text LIKE ? ESCAPE '\\'", params: ['%#fail\\_whale%'] },
    });
    expect(compile('@Gemeente').filter?.params).toEqual(['Gemeente', '@Gemeente', '"Gemeente"', '%@Gemeente%']);
    expect(compile('#café').filter?.params).toEqual(['%#caf_%']);
  });

  it('doubles quotes inside FTS5 strings, so text cannot close them', () => {
    expect(compile('"zei \\"hallo\\" OR NEAR(x"').match).toBe('"zei ""hallo"" OR NEAR(x"');
  });

  it('turns dates into milliseconds: without an offset in local time, with one as given', () => {
    expect(compile('after:2026-01-01').filter?.params).toEqual([new Date(2026, 0, 1).getTime()]);
    expect(compile('before:2026-01-01T10:00+01:00').filter?.params).toEqual([Date.UTC(2026, 0, 1, 9)]);
  });

  it('an empty query has no condition at all', () => {
    expect(compile('')).toEqual({ match: null, filter: null });
    expect(toWhere(compile(''))).toEqual({ sql: '1', params: [] });
  });

  it('never puts a value from the query into the SQL text: one ? per value and no literal but the LIKE escape', () => {
    fc.assert(
      fc.property(queryTree, (tree) => {
        for (const membership of ['set', 'lazy'] as const) {
          const { sql, params } = toWhere(compileQuery(tree), membership);
          const fixed = sql.replaceAll("ESCAPE '\\'", '');
          expect(fixed).not.toMatch(/['"]/);
          expect(fixed.split('?').length - 1).toBe(params.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
