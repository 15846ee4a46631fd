import { describe, expect, it } from 'vitest';
import { findPersonalData } from './privacy';

/** The search findPersonalData made before it went from `@` to `@` (see emailsIn): the reference. */
const GLOBAL_EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function globalSearch(text: string): { start: number; found: string }[] {
  return [...text.matchAll(GLOBAL_EMAIL)]
    .filter((match) => text[match.index - 1] !== '@')
    .map((match) => ({ start: match.index, found: match[0] }));
}

describe('findPersonalData: e-mail addresses', () => {
  it('finds what a global search finds, on random text full of @, dots and letters of every plane', () => {
    // Pieces that make addresses, near-addresses and fediverse handles often.
    const pieces = ['a', 'jan', 'é', '𝒜', '7', '.', '-', '_', '+', '@', '@', ' ', 'nl', 'com', '😀', '..', '@@', 'x.y'];
    let seed = 20261129;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 3000; round += 1) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let i = 0; i < length; i += 1) text += pieces[Math.floor(next() * pieces.length)];
      const found = findPersonalData(text, ['email'], []).map((hit) => ({ start: hit.start, found: hit.found }));
      expect(found, JSON.stringify(text)).toEqual(globalSearch(text));
    }
  });

  it('starts a search after the last address found, as the global search did', () => {
    for (const text of ['a@b.nl.c@d.nl', 'x@y.com-z@w.org', 'p.q@r.st@u.vw', 'mail@@host.nl en a@b.nl'])
      expect(findPersonalData(text, ['email'], []).map((hit) => ({ start: hit.start, found: hit.found }))).toEqual(
        globalSearch(text),
      );
  });

  it('finds an address in a long reply, and not a fediverse handle', () => {
    const text = `${'Beste Jan, we kijken ernaar. '.repeat(60)}Mail jan.de-vries+inbox@gemeente.example.nl of @jan@mastodon.social.`;
    expect(findPersonalData(text, ['email'], []).map((hit) => hit.found)).toEqual([
      'jan.de-vries+inbox@gemeente.example.nl',
    ]);
  });
});
