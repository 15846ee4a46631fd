import { describe, expect, it } from 'vitest';
import { hashtagWords, shoutsThroughout, tokenize } from './tokenize';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.norm}`);

describe('tokenize', () => {
  it('separates words, hashtags, handles, links, emoji and emoticons', () => {
    expect(kinds('Weer storing @NS_online #fail 😡 :( https://t.co/x')).toEqual([
      'word:weer',
      'word:storing',
      'handle:ns_online',
      'hashtag:fail',
      'emoji:😡',
      'emoticon::(',
      'url:https://t.co/x',
    ]);
  });

  it('does not read times, fractions or links as emoticons', () => {
    expect(kinds('om 10:30 (1/8) https://example.org/a')).toEqual([
      'word:om',
      'number:10:30',
      'punct:(',
      'number:1',
      'number:8',
      'punct:)',
      'url:https://example.org/a',
    ]);
  });

  it('keeps Dutch and English apostrophes inside words', () => {
    expect(kinds("'t is z'n auto's, don't")).toEqual([
      "word:'t",
      'word:is',
      "word:z'n",
      "word:auto's",
      'punct:,',
      "word:don't",
    ]);
  });

  it('marks elongation and capitals', () => {
    const [superr, goed] = tokenize('superrrr GOED');
    expect(superr).toMatchObject({ norm: 'superr', elongated: true, caps: false });
    expect(goed).toMatchObject({ norm: 'goed', elongated: false, caps: true });
  });

  it('keeps skin tones and joined emoji as one symbol', () => {
    expect(kinds('👍🏽 ❤️')).toEqual(['emoji:👍🏽', 'emoji:❤️']);
  });

  it('splits camel-case hashtags into words', () => {
    expect(hashtagWords('BlijfThuis')).toEqual(['blijf', 'thuis']);
    expect(hashtagWords('kutweer')).toEqual(['kutweer']);
  });

  it('tells shouting from emphasis', () => {
    expect(shoutsThroughout(tokenize('DIT IS ECHT SLECHT'))).toBe(true);
    expect(shoutsThroughout(tokenize('Dit is echt SLECHT'))).toBe(false);
  });
});
