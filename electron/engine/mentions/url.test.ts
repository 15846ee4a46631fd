import { describe, expect, it } from 'vitest';
import { demoMentions } from '../demo/mentions';
import { canonicalUrl, parsedCanonicalUrl } from './url';

describe('canonical post URLs', () => {
  it('treats the same post on twitter.com and x.com, with tracking, as one', () => {
    const a = canonicalUrl('https://twitter.com/gemeente/status/123?s=20&t=abc');
    const b = canonicalUrl('https://x.com/gemeente/status/123/');
    expect(a).toBe('x.com/gemeente/status/123');
    expect(b).toBe(a);
  });

  it('drops utm parameters and fragments but keeps meaningful query parameters', () => {
    expect(canonicalUrl('https://www.ed.nl/eindhoven/stratumseind~a1b2/?utm_source=rss&utm_medium=feed#comments')).toBe(
      'ed.nl/eindhoven/stratumseind~a1b2',
    );
    expect(canonicalUrl('https://forum.example.nl/viewtopic.php?t=1&p=42&fbclid=x')).toBe(
      'forum.example.nl/viewtopic.php?p=42',
    );
    expect(canonicalUrl('https://youtu.be/abcDEF')).toBe('youtube.com/watch?v=abcDEF');
  });

  it('gives no key to site and profile URLs, which name many posts', () => {
    expect(canonicalUrl('https://www.facebook.com/gemeente')).toBeNull();
    expect(canonicalUrl('https://example.nl/')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl(null)).toBeNull();
  });
});

describe('the shortcut for plain URLs', () => {
  it('gives the same key as the URL parser for every demo link and for near misses', () => {
    const demo = [
      ...demoMentions({ mentions: 5_000, years: 2, seed: 3, until: Date.parse('2026-06-01T00:00:00Z') }, 1).mentions,
    ].map((mention) => mention.url!);
    const tricky = [
      'https://www.youtube.com/watch?v=abc&lc=Ugx1-_2&feature=share&si=x',
      'https://youtu.be/abcDEF/',
      'https://www.youtu.be/abcDEF',
      'https://m.facebook.com/gemeente/posts/123?b=2&a=1',
      'https://mobile.twitter.com/a/status/1',
      'https://x.com/a/status/1?t=abc&s=20',
      'https://x.com/a/./status/1',
      'https://x.com/a/b/../status/1',
      'https://x.com/a/.well-known/x',
      'http://example.nl//a//b//',
      'https://1.2.3/a/b',
      'https://example.nl:443/a/b',
      'https://user@example.nl/a/b',
      'https://xn--bcher-kva.de/a/b',
      'https://example.nl/a/b?',
      'https://example.nl/a/b?x=1&x=2&a=',
      'https://example.nl/a/b?q=a+b',
      'https://example.nl/a/b#frag',
      "https://example.nl/it's/(here)/a:b@c!$&*,;=~",
      'https://example.nl/a%20b/c',
      'https://example.nl/a b/c',
      'https://EXAMPLE.nl/a/b',
      'HTTPS://example.nl/a/b',
      ' https://example.nl/a/b',
      'https://example/a/b',
      'https://-x-.nl/a/b',
      'ftp://example.nl/a/b',
      'https://example.nl/a/b`{}^',
    ];
    for (const url of [...demo, ...tricky]) expect(canonicalUrl(url), url).toBe(parsedCanonicalUrl(url));
    expect(new Set(demo.map(canonicalUrl)).size).toBeGreaterThan(4_950);
  });
});
