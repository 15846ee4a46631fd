import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { highlight, searchTerms, termPattern } from './highlight';

const marked = (text: string, query: string) =>
  renderToStaticMarkup(<>{highlight(text, termPattern(searchTerms(query)))}</>);

describe('search terms in the inbox text', () => {
  it('marks words, phrases, prefixes and hashtags, ignoring case and accents', () => {
    expect(marked('Storing bij de Glasvezel in Eindhoven', 'storing AND "glasvezel"')).toBe(
      '<mark>Storing</mark> bij de <mark>Glasvezel</mark> in Eindhoven',
    );
    expect(marked('storingen en storing', 'storing*')).toBe('<mark>storingen</mark> en <mark>storing</mark>');
    expect(marked('Café open #Eindhoven', 'cafe #eindhoven')).toBe('<mark>Café</mark> open <mark>#Eindhoven</mark>');
  });

  it('does not mark parts of words, words under NOT, or field values', () => {
    expect(marked('verstoring', 'storing')).toBe('verstoring');
    expect(marked('wifi storing', 'storing NOT wifi channel:x')).toBe('wifi <mark>storing</mark>');
    expect(marked('text', 'broken (')).toBe('text');
  });
});
