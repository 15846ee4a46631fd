import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, CRLF lines, plain numbers and empty cells for missing values', () => {
    expect(
      toCsv(
        ['bucket', 'x', 'net'],
        [
          ['2026-01-01T00:00:00.000Z', 12, null],
          ['2026-01-02T00:00:00.000Z', 0, -0.25],
        ],
      ),
    ).toBe('\uFEFFbucket,x,net\r\n2026-01-01T00:00:00.000Z,12,\r\n2026-01-02T00:00:00.000Z,0,-0.25\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['term'], [['a,b'], ['say "hi"'], ['two\nlines']])).toBe(
      '\uFEFFterm\r\n"a,b"\r\n"say ""hi"""\r\ntwo\nlines\r\n'.replace('two\nlines', '"two\nlines"'),
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv(['term'], [['=HYPERLINK("x")'], ['@gemeente'], ['#brabant']])).toBe(
      '\uFEFFterm\r\n"\'=HYPERLINK(""x"")"\r\n\'@gemeente\r\n#brabant\r\n',
    );
  });
});
