import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './url';

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
