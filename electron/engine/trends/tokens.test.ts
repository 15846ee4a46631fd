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
