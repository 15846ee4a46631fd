import { describe, expect, it } from 'vitest';
import { analyzeSentiment, createAnalyzer, createSentimentAnalyzer, detectLanguage } from './index';

describe('the analysis API', () => {
  it('gives language and sentiment for a post', () => {
    const a = createAnalyzer();
    const r = a.analyze('Weer storing bij de NS, sta al een uur te wachten 😡');
    expect(r.lang).toBe('nl');
    expect(r.sentiment.label).toBe('negative');
    expect(r.sentiment.score).toBeLessThan(-0.3);
    expect(r.sentiment.score).toBeGreaterThanOrEqual(-1);
  });

  it('trusts a language hint over detection', () => {
    const a = createAnalyzer();
    expect(a.analyze('top', 'nl')).toEqual({ lang: 'nl', sentiment: expect.objectContaining({ label: 'positive' }) });
  });

  it('reads word-less posts in the workspace language when told to', () => {
    expect(createAnalyzer().analyze('#kutweer').lang).toBe('other');
    const dutch = createAnalyzer({ fallbackLanguage: 'nl' });
    expect(dutch.analyze('#kutweer')).toMatchObject({ lang: 'nl', sentiment: { label: 'negative' } });
  });

  it('explains which words counted', () => {
    const e = createSentimentAnalyzer().explain('Niet slecht, die nieuwe burger', 'nl');
    expect(e.hits).toEqual([{ text: 'slecht', valence: expect.any(Number) }]);
    expect(e.hits[0]?.valence).toBeGreaterThan(0);
    expect(e.adapted).toBe(false);
  });

  it('offers one-call helpers', () => {
    expect(detectLanguage('Thank you so much for your help')).toBe('en');
    expect(analyzeSentiment('Thank you so much for your help').label).toBe('positive');
    expect(analyzeSentiment('Waardeloze service', 'nl').label).toBe('negative');
  });

  it('handles thousands of posts in well under a second each batch', () => {
    const a = createAnalyzer();
    const posts = Array.from(
      { length: 2000 },
      (_, i) => `Post ${i}: de service was ${i % 2 ? 'goed' : 'slecht'} vandaag #${i}`,
    );
    const t = performance.now();
    const out = posts.map((p) => a.analyze(p));
    expect(performance.now() - t).toBeLessThan(2000);
    expect(out.filter((r) => r.sentiment.label === 'negative')).toHaveLength(1000);
  });
});
