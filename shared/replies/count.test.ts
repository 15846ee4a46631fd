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
