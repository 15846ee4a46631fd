import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, FORMATS, formatById } from './registry';
import { FORMAT_IDS } from './types';

const reference = (file: string) =>
  readFileSync(path.resolve(process.cwd(), '../shared/reference', file)).subarray(0, 65536);
const fixture = (file: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', file)).subarray(0, 65536);

describe('detectFormat', () => {
  it.each([
    ['tweets.js', reference('social/twitter/tweets.js.excerpt_first6.js'), 'x-archive'],
    ['status.json', reference('social/twitter/v1.1_get_status.json'), 'x-api'],
    ['extended.json', reference('social/twitter/v1.1_extended_tweet_in_extended_mode.json'), 'x-api'],
    ['search.json', fixture('x-v2-search.json'), 'x-api'],
    ['your_posts_1.json', reference('social/facebook/your_posts_1.json'), 'facebook'],
    ['status.json', reference('social/mastodon/status_example_from_docs.json'), 'mastodon'],
    ['timeline.json', fixture('mastodon-boost-reply.json'), 'mastodon'],
    ['outbox.json', fixture('mastodon-outbox.json'), 'mastodon'],
    ['search.json', fixture('bluesky-search-posts.json'), 'bluesky'],
    ['feed.xml', reference('feedparser/tests/wellformed/namespace/rss1.0withModulesNoDefNS.xml'), 'rss'],
    ['nieuws', fixture('gemeente-nieuws.rss'), 'rss'],
    ['alerts', fixture('google-alerts.atom'), 'rss'],
    ['utf16.xml', reference('feedparser/tests/encoding/utf-16le-bom.xml'), 'rss'],
    ['export.ndjson', fixture('monitor-export.ndjson'), 'ndjson'],
    ['export.txt', fixture('monitor-export.ndjson'), 'ndjson'],
    ['excel.csv', fixture('excel-windows-1252.csv'), 'csv'],
    ['meldingen', fixture('gemeente-semicolon.csv'), 'csv'],
    ['dates.tsv', fixture('dates-tab.tsv'), 'csv'],
    ['tool.json', Buffer.from('[{"datum": "2024-01-01", "bericht": "hoi"}]'), 'json'],
  ])('%s → %s', (fileName, bytes, format) => {
    expect(detectFormat(fileName, bytes)?.format).toBe(format);
  });

  it('gives up on something it does not know, instead of guessing', () => {
    expect(detectFormat('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toBeNull();
    expect(detectFormat('notes', Buffer.from('Boodschappen: melk, brood'))).toBeNull();
  });

  it('has one parser per format id', () => {
    expect(FORMATS.map((f) => f.id).sort()).toEqual([...FORMAT_IDS].sort());
    expect(formatById('rss').label).toBe('RSS, Atom or RDF feed');
  });
});
