import { describe, expect, it } from 'vitest';
import { countForChannel, graphemeCount } from './count';

describe('channel length', () => {
  it('counts a URL as 23 on X and Mastodon, as written on Bluesky', () => {
    const text = 'Zie https://www.eindhoven.nl/afval/ophaaldagen-en-tijden voor de data.';
    expect(countForChannel(text, 'x').length).toBe(4 + 23 + 14);
    expect(countForChannel(text, 'mastodon').length).toBe(4 + 23 + 14);
    expect(countForChannel(text, 'bluesky').length).toBe(text.length);
  });

  it('does not take an e-mail address for a URL', () => {
    expect(countForChannel('mail info@gemeente.nl', 'x').length).toBe(21);
  });

  it('counts emoji as one grapheme on Bluesky and Mastodon, as two on X', () => {
    const text = 'Top 👍🏽👨‍👩‍👧';
    expect(countForChannel(text, 'bluesky').length).toBe(6);
    expect(countForChannel(text, 'mastodon').length).toBe(6);
    expect(countForChannel(text, 'x').length).toBe(8);
    expect(graphemeCount(text)).toBe(6);
  });

  it('counts CJK as two on X and a remote Mastodon mention by its user name', () => {
    expect(countForChannel('日本', 'x').length).toBe(4);
    expect(countForChannel('@jan@mastodon.social hoi', 'mastodon').length).toBe(8);
  });

  it('says where the limit is passed', () => {
    const counted = countForChannel('a'.repeat(300), 'x');
    expect(counted).toEqual({ length: 300, limit: 280, overflowAt: 280 });
    expect(countForChannel('a'.repeat(300), 'bluesky').overflowAt).toBeNull();
    expect(countForChannel('a'.repeat(301), 'bluesky').overflowAt).toBe(300);
    expect(countForChannel('kort', 'facebook').limit).toBeNull();
  });
});

describe('counting only the joining stretches with the segmenter', () => {
  /** The plain definition: every grapheme of the text, weighed as the channel weighs it. */
  function reference(text: string, channel: 'x' | 'bluesky'): number {
    let length = 0;
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
      if (channel !== 'x') length += 1;
      else if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment)) length += 2;
      else for (const char of segment.normalize('NFC')) length += (char.codePointAt(0) ?? 0) <= 4351 ? 1 : 2;
    }
    return length;
  }

  it('counts as segmenting the whole text would, for text mixing plain letters, marks, emoji and CR LF', () => {
    const pieces = [
      'a',
      'e',
      ' ',
      '.',
      'é',
      'e\u0301',
      '\u0301',
      '\r\n',
      '\r',
      '\n',
      '👍🏽',
      '👨‍👩‍👧',
      '🇳🇱',
      '1\ufe0f\u20e3',
      '日',
      'ß',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 300; run += 1) {
      let text = '';
      const size = 1 + Math.floor(random() * 30);
      for (let i = 0; i < size; i += 1) text += pieces[Math.floor(random() * pieces.length)];
      for (const channel of ['x', 'bluesky'] as const) {
        expect(countForChannel(text, channel).length, JSON.stringify(text)).toBe(reference(text, channel));
      }
    }
  });
});
