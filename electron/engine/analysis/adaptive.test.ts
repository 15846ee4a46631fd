import { describe, expect, it } from 'vitest';
import type { SentimentLabel } from '../../../shared/domain/mention';
import { AdaptiveModel, MIN_EXAMPLES } from './adaptive';
import { createAnalyzer } from './index';

// A workspace where "glasvezel" and "monteur" posts are complaints the lexicon cannot see,
// "oplevering" posts are praise, and "agenda" posts are announcements the lexicon calls positive.
const places = ['Eindhoven', 'Tilburg', 'Breda', 'Helmond', 'Oss', 'Veldhoven', 'Best', 'Geldrop'];
function synthetic(offset: number): { text: string; label: SentimentLabel }[] {
  const rows: { text: string; label: SentimentLabel }[] = [];
  places.forEach((place, i) => {
    const day = ((i + offset) % 28) + 1;
    rows.push({ text: `Glasvezel in ${place} ligt er al ${day} dagen uit`, label: 'negative' });
    rows.push({ text: `Monteur voor glasvezel in ${place} komt weer niet opdagen`, label: 'negative' });
    rows.push({ text: `Oplevering van de aansluiting in ${place} op dag ${day}`, label: 'positive' });
    rows.push({ text: `Agenda: mooie informatieavond over glasvezel in ${place} op ${day} mei`, label: 'neutral' });
  });
  return rows;
}

describe('AdaptiveModel', () => {
  const base = createAnalyzer();
  const train = synthetic(0);
  const test = synthetic(13).map((r) => ({ ...r, text: r.text.replace(/in (\w+)/, 'bij $1') }));
  const accuracy = (analyze: (t: string) => SentimentLabel) =>
    test.filter((r) => analyze(r.text) === r.label).length / test.length;

  it('learns a workspace’s corrections and gets its other posts right more often', () => {
    const model = AdaptiveModel.train(train.map((r) => base.correction(r.text, r.label, 'nl')));
    const adapted = createAnalyzer({ adaptive: model });
    const before = accuracy((t) => base.analyze(t, 'nl').sentiment.label);
    const after = accuracy((t) => adapted.analyze(t, 'nl').sentiment.label);
    expect(before).toBeLessThan(0.6);
    expect(after).toBeGreaterThan(0.9);
    expect(adapted.explain('Glasvezel bij Waalre ligt er al 3 dagen uit', 'nl')).toMatchObject({
      adapted: true,
      sentiment: { label: 'negative' },
    });
  });

  it('stays silent until it has enough corrections', () => {
    const few = AdaptiveModel.train(
      train.slice(0, MIN_EXAMPLES - 1).map((r) => base.correction(r.text, r.label, 'nl')),
    );
    const adapted = createAnalyzer({ adaptive: few });
    const text = 'Glasvezel bij Waalre ligt er al 3 dagen uit';
    expect(adapted.explain(text, 'nl').adapted).toBe(false);
    expect(adapted.analyze(text, 'nl')).toEqual(base.analyze(text, 'nl'));
  });

  it('survives a JSON round trip with the same verdicts', () => {
    const model = AdaptiveModel.train(train.map((r) => base.correction(r.text, r.label, 'nl')));
    const json = JSON.parse(JSON.stringify(model.toJSON())) as unknown;
    const restored = AdaptiveModel.fromJSON(json);
    expect(restored.examples).toBe(train.length);
    const a = createAnalyzer({ adaptive: model });
    const b = createAnalyzer({ adaptive: restored });
    for (const r of test) {
      const x = a.analyze(r.text, 'nl').sentiment;
      const y = b.analyze(r.text, 'nl').sentiment;
      expect(y.label).toBe(x.label);
      expect(y.score).toBeCloseTo(x.score, 2);
    }
  });

  it('is reproducible', () => {
    const corrections = train.map((r) => base.correction(r.text, r.label, 'nl'));
    expect(AdaptiveModel.train(corrections).toJSON()).toEqual(AdaptiveModel.train(corrections).toJSON());
  });

  it('refuses a stored model that is not one, saying what is wrong', () => {
    expect(() => AdaptiveModel.fromJSON({ version: 2 })).toThrow(/not a version 1 model/);
    expect(() =>
      AdaptiveModel.fromJSON({ version: 1, examples: 1, bias: [0, 0, 0], weights: { 'w:x': [1, 2] } }),
    ).toThrow(/weight 'w:x' is not three numbers/);
  });
});
