import { describe, expect, it } from 'vitest';
import { dutchCandidates, englishCandidates, englishCognates, splitDutchCompound } from './morphology';

describe('dutchCandidates', () => {
  it('undoes adjective inflection with its spelling changes', () => {
    expect(dutchCandidates('grote').adjective).toContain('groot');
    expect(dutchCandidates('lieve').adjective).toContain('lief');
    expect(dutchCandidates('boze').adjective).toContain('boos');
    expect(dutchCandidates('dikke').adjective).toContain('dik');
    expect(dutchCandidates('mooiste').adjective).toContain('mooi');
    expect(dutchCandidates('slechter').adjective).toContain('slecht');
  });

  it('undoes plurals, verb endings and diminutives for nouns and verbs only', () => {
    expect(dutchCandidates('problemen').other).toContain('probleem');
    expect(dutchCandidates('storingen').other).toContain('storing');
    expect(dutchCandidates('gebaald').other).toContain('baal');
    expect(dutchCandidates('ringetje').other).toContain('ring');
    expect(dutchCandidates('cadeautje').other).toContain('cadeau');
    expect(dutchCandidates('filmpje').other).toContain('film');
    // "moet" is not a form of "moe": three-letter verb stems are not guessed.
    expect(dutchCandidates('moet').other).not.toContain('moe');
  });
});

describe('splitDutchCompound', () => {
  const lexicon = new Map([
    ['storing', -1.8],
    ['mooi', 2],
    ['wijs', 2],
    ['ramp', -2.8],
  ]);
  const head = (w: string) => lexicon.get(w);
  const listed = (w: string) => lexicon.has(w);

  it('takes the head’s valence', () => {
    expect(splitDutchCompound('treinstoring', head, listed)?.valence).toBeCloseTo(-1.62);
    expect(splitDutchCompound('verkeersramp', head, listed)?.valence).toBeCloseTo(-2.52);
  });

  it('reads evaluative and intensifying prefixes', () => {
    expect(splitDutchCompound('kutweer', head, listed)?.valence).toBeLessThan(-2);
    expect(splitDutchCompound('topavond', head, listed)?.valence).toBeGreaterThan(1.5);
    expect(splitDutchCompound('bloedmooi', head, listed)?.valence).toBeGreaterThan(2);
  });

  it('does not split on short accidental heads', () => {
    expect(splitDutchCompound('onderwijs', head, () => false)).toBeNull();
  });
});

describe('English forms and Dutch–English cognates', () => {
  it('finds English lemmas', () => {
    expect(englishCandidates('happily')).toContain('happy');
    expect(englishCandidates('terribly')).toContain('terrible');
    expect(englishCandidates('loving')).toContain('love');
  });

  it('maps Latin endings between Dutch and English', () => {
    expect(englishCognates('frustratie')).toContain('frustration');
    expect(englishCognates('agressief')).toContain('agressive');
    expect(englishCognates('racisme')).toContain('racism');
    expect(englishCognates('fabuleus')).toContain('fabulous');
  });
});
