import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../shared/query';
import { createI18n } from '../../i18n';
import { describeQueryError } from './queryError';
import { readQuery } from './segments';

function message(language: 'nl' | 'en', query: string): string {
  const parsed = parseQuery(query);
  if (parsed.ok) throw new Error(`'${query}' has no mistake`);
  return describeQueryError(createI18n(language).t, query, parsed.error);
}

describe('a query mistake in the operator’s language', () => {
  it('names the column and what was expected, as the engine does', () => {
    expect(message('en', 'glasvezel AND ')).toBe('Column 15: expected a term after AND');
    expect(message('nl', 'glasvezel EN ')).toBe('Kolom 14: na EN hoort een zoekterm te staan');
    expect(message('nl', '(storing OR wifi')).toBe("Kolom 17: er ontbreekt een ')' om de '(' te sluiten");
    expect(message('en', 'chanel:x storing')).toBe(
      "Column 1: unknown field 'chanel'; expected one of channel, lang, sentiment, author, status, assignee, topic, after, before, reach",
    );
    expect(message('nl', 'storing after:gisteren')).toBe(
      "Kolom 15: 'gisteren' is geen datum; schrijf jjjj-mm-dd, zoals after:2026-01-01",
    );
    expect(message('en', 'sentiment:boos')).toBe("Column 11: 'boos' is not a valid value for sentiment");
  });
});

describe('painting the query', () => {
  it('colours operators, fields and values, and underlines only the mistake', () => {
    const { segments, error } = readQuery('storing AND channel:x OR');
    expect(error?.column).toBe(25);
    expect(segments.map((s) => [s.text, s.kind, s.mistake])).toEqual([
      ['storing', 'term', false],
      [' ', 'space', false],
      ['AND', 'operator', false],
      [' ', 'space', false],
      ['channel:', 'field', false],
      ['x', 'value', false],
      [' ', 'space', false],
      ['OR', 'operator', false],
      [' ', 'space', true],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('storing AND channel:x OR ');
  });

  it('underlines the characters of a mistake inside the query', () => {
    const { segments } = readQuery('storing #  wifi');
    expect(segments.filter((s) => s.mistake).map((s) => s.text)).toEqual(['#']);
    expect(readQuery('"stratumseind" @gemeente').error).toBeNull();
  });
});
