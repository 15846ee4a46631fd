import { describe, expect, it } from 'vitest';
import { prioritize } from './priority';

const base = { lang: 'nl' as const, sentiment: 'neutral' as const, sentimentScore: 0, reach: 10 };

describe('priority', () => {
  it('ranks a Dutch question from a citizen above a plain remark', () => {
    const question = prioritize({ ...base, text: 'Weet iemand wanneer de glasvezel in Best komt?' });
    const remark = prioritize({ ...base, text: 'Mooie avond op de markt' });
    expect(question.score).toBeGreaterThan(remark.score);
    expect(question.factors).toContainEqual({ factor: 'question', points: 30, evidence: 'weet iemand' });
    expect(remark.score).toBe(0);
  });

  it('recognises English interrogatives without a question mark', () => {
    const result = prioritize({ ...base, lang: 'en', text: 'How do I report a broken street light' });
    expect(result.factors.map((factor) => factor.factor)).toEqual(['question', 'complaint']);
  });

  it('adds complaint words, reach and negative sentiment, and explains each', () => {
    const result = prioritize({
      text: 'Alweer storing bij het internet, al dagen niks',
      lang: 'nl',
      sentiment: 'negative',
      sentimentScore: -0.8,
      reach: 25_000,
    });
    expect(result.factors.map((factor) => factor.factor)).toEqual(['complaint', 'reach', 'negative']);
    expect(result.factors.find((factor) => factor.factor === 'reach')?.points).toBe(17);
    expect(result.score).toBe(20 + 17 + 22);
  });

  it('never exceeds 100', () => {
    const result = prioritize({
      text: 'Waarom reageert niemand? Gevaarlijk! Storing al weken, politie erbij?',
      lang: 'nl',
      sentiment: 'negative',
      sentimentScore: -1,
      reach: 5_000_000,
    });
    expect(result.score).toBe(100);
  });
});
