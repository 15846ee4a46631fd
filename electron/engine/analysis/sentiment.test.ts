import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './index';

const a = createAnalyzer();
const nl = (text: string) => a.analyze(text, 'nl').sentiment;
const en = (text: string) => a.analyze(text, 'en').sentiment;

describe('negation', () => {
  it('turns Dutch "niet slecht" and "geen goede" around', () => {
    expect(nl('slecht').label).toBe('negative');
    expect(nl('Dat is niet slecht').label).toBe('positive');
    expect(nl('goede service').label).toBe('positive');
    expect(nl('geen goede service').label).toBe('negative');
  });

  it('reaches across a few words and stops at the clause', () => {
    expect(nl('Dat is niet bepaald een goed idee').label).toBe('negative');
    expect(nl('Niet gebeld, wel een mooie oplossing').label).toBe('positive');
  });

  it('follows Dutch verb-second order: "niet" after the verb', () => {
    expect(nl('Dat bevalt me niet').label).toBe('negative');
    expect(nl('Het valt niet tegen').label).toBe('positive');
  });

  it('does not negate in "niet alleen … maar ook"', () => {
    expect(nl('Niet alleen snel maar ook vriendelijk').label).toBe('positive');
  });

  it('reads a negation that negates no sentiment word as a mild complaint', () => {
    expect(nl('Dat klopt niet').label).toBe('negative');
    expect(nl('Nog steeds geen antwoord gekregen').label).toBe('negative');
    expect(en('They never called back').label).toBe('negative');
    expect(nl('Dat klopt').label).toBe('neutral');
    // A negator that turns a sentiment word around adds nothing of its own.
    expect(nl('Dat is niet slecht').label).toBe('positive');
  });

  it('handles English negation and contractions', () => {
    expect(en('bad').label).toBe('negative');
    expect(en('not bad at all').label).toBe('positive');
    expect(en("I don't like it").label).toBe('negative');
    expect(en('This is not working').label).toBe('negative');
  });
});

describe('intensifiers and diminishers', () => {
  it('strengthens with "heel", "erg", "very" and weakens with "een beetje", "a bit"', () => {
    expect(nl('heel leuk').score).toBeGreaterThan(nl('leuk').score);
    expect(nl('erg leuk').score).toBeGreaterThan(nl('leuk').score);
    expect(nl('een beetje saai').score).toBeGreaterThan(nl('saai').score);
    expect(nl('een beetje saai').label).toBe('negative');
    expect(en('very good').score).toBeGreaterThan(en('good').score);
    expect(en('a bit slow').score).toBeGreaterThan(en('slow').score);
  });

  it('reads "erg" alone as negative and before a word as an intensifier', () => {
    expect(nl('Wat erg').label).toBe('negative');
    expect(nl('erg mooi').label).toBe('positive');
  });
});

describe('contrast', () => {
  it('lets what follows "maar" / "but" weigh more', () => {
    expect(nl('Het eten was lekker maar de bediening was slecht').label).toBe('negative');
    expect(nl('De bediening was slecht maar het eten was heerlijk').label).toBe('positive');
    expect(en('The food was great but the service was terrible').label).toBe('negative');
  });

  it('counts a concessive clause for less', () => {
    expect(nl('Hoewel de service traag was, is het eten heerlijk').label).toBe('positive');
    expect(en('Although the staff were lovely, the room was filthy').label).toBe('negative');
  });

  it('leaves the particle "maar" alone', () => {
    expect(nl('Kijk maar, prachtig').label).toBe('positive');
  });
});

describe('emoji, emoticons, elongation, capitals, hashtags', () => {
  it('scores emoji and emoticons in any language', () => {
    expect(nl('😡').label).toBe('negative');
    expect(en('🎉').label).toBe('positive');
    expect(a.analyze('Der Zug hat Verspätung 😡').sentiment.label).toBe('negative');
    expect(nl('Morgen weer :)').label).toBe('positive');
    expect(en('Monday again :(').label).toBe('negative');
  });

  it('reads elongation as emphasis', () => {
    expect(nl('superrrr').score).toBeGreaterThan(nl('super').score);
    expect(en('soooo good').score).toBeGreaterThan(en('so good').score - 0.05);
    expect(en('soooo good').score).toBeGreaterThan(en('good').score);
  });

  it('reads capitals as emphasis, unless the whole post shouts', () => {
    expect(nl('Dit is SLECHT').score).toBeLessThan(nl('Dit is slecht').score);
    expect(nl('DIT IS SLECHT').score).toBe(nl('dit is slecht').score);
  });

  it('scores hashtags, including Dutch compounds', () => {
    expect(nl('Weer een ritje met de trein #fail').label).toBe('negative');
    expect(nl('Wat een dag #top').label).toBe('positive');
    expect(nl('Dag 3 #kutweer').label).toBe('negative');
  });
});

describe('Dutch morphology', () => {
  it('finds inflected forms', () => {
    expect(nl('goede').label).toBe('positive');
    expect(nl('de leukste').label).toBe('positive');
    expect(nl('storingen').label).toBe('negative');
    expect(nl('een feestje').label).toBe('positive');
  });

  it('splits compounds on their head and reads evaluative prefixes', () => {
    expect(nl('kutweer').label).toBe('negative');
    expect(nl('topavond').label).toBe('positive');
    expect(nl('treinstoring').label).toBe('negative');
    expect(nl('wegafsluiting').score).toBeLessThan(0);
    expect(nl('onderwijs').label).toBe('neutral');
    expect(nl('coalitiegenoten').label).toBe('neutral');
  });

  it('knows separable verbs', () => {
    expect(nl('Het concert viel me erg tegen').label).toBe('negative');
    expect(nl('Ik raad het iedereen aan').label).toBe('positive');
  });
});

describe('irony and irrealis', () => {
  it('reads sarcastic praise next to a complaint', () => {
    expect(nl('Lekker weer een storing').label).toBe('negative');
    expect(nl('Lekker weer vandaag').label).toBe('positive');
    expect(en('Great, delayed again').label).toBe('negative');
  });

  it('flips praise marked #not or #sarcasme', () => {
    expect(en('Love waiting in line for an hour #not').label).toBe('negative');
    expect(nl('Fijn hoor, drie kwartier in de wacht #sarcasme').label).toBe('negative');
  });

  it('counts praise asked about for less than praise stated', () => {
    expect(nl('Is dit nou goed?').score).toBeLessThan(nl('Dit is goed.').score);
    expect(en('Was it worth it?').score).toBeLessThan(en('It was worth it.').score);
    expect(nl('Waarom is dit zo slecht?').label).toBe('negative');
  });

  it('does not count wishes and demands as facts', () => {
    expect(Math.abs(nl('Het zou mooi zijn als het opgelost wordt').score)).toBeLessThan(
      nl('Het is mooi opgelost').score,
    );
    expect(nl('Het moet beter').label).toBe('negative');
  });
});

describe('English coverage', () => {
  it("knows Pattern's English adjectives that VADER and AFINN lack", () => {
    expect(en('An adept and affable host').label).toBe('positive');
  });
});

describe('workspace lexicon', () => {
  it('adds and overrides words, with their inflections and compounds', () => {
    const ws = createAnalyzer({
      overrides: new Map([
        ['glasvezel', 2],
        ['storing', 0],
        ['uitval', -3.5],
        ['geen bereik', -3],
      ]),
    });
    expect(nl('Eindelijk glasvezel').label).toBe('neutral');
    expect(ws.analyze('Eindelijk glasvezel', 'nl').sentiment.label).toBe('positive');
    expect(ws.analyze('Stroomuitval in de wijk', 'nl').sentiment.score).toBeLessThan(
      nl('Stroomuitval in de wijk').score,
    );
    expect(ws.analyze('storing', 'nl').sentiment.label).toBe('neutral');
    expect(ws.analyze('Al de hele dag geen bereik', 'nl').sentiment.score).toBeLessThan(
      nl('Al de hele dag geen bereik').score,
    );
  });
});

it('stays within [-1, 1]', () => {
  const text = 'GEWELDIG!!!! 🎉🎉🎉🎉 superrrr mooi, fantastisch, heerlijk, top, prachtig 😍😍😍';
  const s = nl(text).score;
  expect(s).toBeLessThanOrEqual(1);
  expect(s).toBeGreaterThan(0.9);
  expect(nl('kut kut kut 😡😡😡 waardeloos!!!').score).toBeGreaterThanOrEqual(-1);
});
