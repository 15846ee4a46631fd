import { describe, expect, it } from 'vitest';
import { hasTerm, normalizeTerm, termsOf } from './tokens';

describe('hasTerm', () => {
  it('answers as termsOf does, for every term of random texts and for near misses', () => {
    let seed = 5;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      'straat',
      'Straat',
      'stráat',
      'straten',
      '#straat',
      '##straat',
      'a#straat',
      '&#straat',
      '/#straat',
      '#straat_2',
      '#straat2',
      'straat2',
      'straat_x',
      'hoofdstraat',
      ' ',
      ' ',
      ', ',
      '. ',
      '#Café',
      'cafe',
      'café',
      'x',
    ];
    const candidates = ['straat', '#straat', '#straat_2', '#straat2', 'straten', 'cafe', '#cafe', 'hoofdstraat'];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(rnd() * 8) },
        () => pieces[Math.floor(rnd() * pieces.length)],
      ).join(rnd() < 0.5 ? ' ' : '');
      const terms = termsOf(text);
      for (const term of new Set([...terms, ...candidates])) {
        expect([text, term, hasTerm(text, term)]).toEqual([text, term, terms.has(term)]);
      }
    }
  });

  it('normalises terms as typed, and refuses what can never be a term', () => {
    expect(normalizeTerm('#Café')).toBe('#cafe');
    expect(normalizeTerm(' Lampen ')).toBe('lampen');
    expect(normalizeTerm('over')).toBeNull();
    expect(normalizeTerm('a1b2')).toBeNull();
  });
});

describe('termsOf', () => {
  /** The patterns termsOf used for every text before ASCII texts got a scan of their own. */
  function byPatterns(text: string): Set<string> {
    const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const out = new Set<string>();
    for (const match of folded.matchAll(/(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_]{2,60})(?![\p{L}\p{N}_])/gu)) {
      out.add(`#${match[1]!}`);
    }
    for (const token of folded.match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (/^\p{L}{4,40}$/u.test(token) && normalizeTerm(token) === token) out.add(token);
    }
    return out;
  }

  it('finds the same terms in ASCII texts, emoji and all, as the patterns do (words, digits, hashtags, edges)', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      'Lamp',
      'lampen',
      'LAMPEN2',
      '2lampen',
      'over',
      'OVER',
      '#Dommel',
      '#do',
      '#d',
      'a#dommel',
      '#a_b',
      'http://x.nl/#anker',
      'abc',
      'abcd',
      'x'.repeat(40),
      'y'.repeat(41),
      "it's",
      'e-mail',
      '_under_',
      'tab\there',
      'line\nbreak',
      '📢',
      '👍🏽',
      '’s',
      '—',
      'x📢lamp',
      '#tag📢',
      'lamp‘',
      '~!@$%^&*()',
      '12345',
      'straat.',
      ',weg',
      'Zuid-Oost',
      ' ',
      '  ',
      '\r\n',
      '#',
    ];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(rnd() * 10) },
        () => pieces[Math.floor(rnd() * pieces.length)],
      ).join(rnd() < 0.6 ? ' ' : '');
      expect([text, [...termsOf(text)].sort()]).toEqual([text, [...byPatterns(text)].sort()]);
    }
  });

  it('folds accents and reads non-ASCII letters in other texts', () => {
    expect([...termsOf('Café Zoë bij de #Dómkerk, 3 straten')].sort()).toEqual([
      '#domkerk',
      'cafe',
      'domkerk',
      'straten',
    ]);
    expect(termsOf('Ελληνικά κείμενα')).toEqual(new Set(['ελληνικα', 'κειμενα']));
  });
});
