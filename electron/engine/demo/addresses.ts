import { ORGANISATION } from '../../../resources/demo';
import type { DemoAuthor } from './authors';
import type { DemoChannel } from './channels';

/** Where a post lives: the id the channel gives it and the link to open it there. Fake, but well-formed. */
export interface Address {
  externalId: string;
  url: string;
}

/** What a reply shares with its conversation: the video it sits under, the forum topic it belongs to. */
export interface ThreadPlace {
  video: string;
  forumTopic: number;
  /** Posts in the conversation so far (the forum numbers its posts). */
  posts: number;
}

const X_EPOCH = 1_288_834_974_657;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * Ids are built from the post's time and its sequence number in the demo (unique across the run), so they
 * are unique per channel, sort by time like the real ones, and are the same every run with the same seed.
 */
export function addressFor(
  channel: DemoChannel,
  author: DemoAuthor,
  seq: number,
  createdAt: number,
  place: ThreadPlace,
  headline: string,
): Address {
  switch (channel) {
    case 'x': {
      const id = String(createdAt - X_EPOCH).padStart(12, '0') + pad(seq % 10_000_000, 7);
      return { externalId: id, url: `https://x.com/${author.handle}/status/${id}` };
    }
    case 'mastodon': {
      const id = String(createdAt) + pad(seq % 100_000, 5);
      const [user, instance] = author.handle.split('@');
      return { externalId: id, url: `https://${instance}/@${user}/${id}` };
    }
    case 'bluesky': {
      const rkey = encode(createdAt * 1000 + (seq % 1000), 11, BASE32_SORTABLE) + encode(seq, 2, BASE32_SORTABLE);
      return {
        externalId: `at://${author.did}/app.bsky.feed.post/${rkey}`,
        url: `https://bsky.app/profile/${author.handle}/post/${rkey}`,
      };
    }
    case 'facebook': {
      const id = String(createdAt) + pad(seq % 10_000, 4);
      return { externalId: id, url: `https://www.facebook.com/${author.handle}/posts/${id}` };
    }
    case 'instagram': {
      const code = encode(createdAt * 1000 + (seq % 1000), 11, BASE64URL);
      return { externalId: code, url: `https://www.instagram.com/p/${code}/` };
    }
    case 'linkedin': {
      const urn = `urn:li:activity:${createdAt}${pad(seq % 1_000_000, 6)}`;
      return { externalId: urn, url: `https://www.linkedin.com/feed/update/${urn}/` };
    }
    case 'youtube': {
      const id = `Ugx${encode(createdAt * 1000 + (seq % 1000), 9, BASE64URL)}${encode(seq * 2654435761, 7, BASE64URL)}AaABAg`;
      return { externalId: id, url: `https://www.youtube.com/watch?v=${place.video}&lc=${id}` };
    }
    case 'rss': {
      const date = new Date(createdAt);
      const section = author.lang === 'en' ? 'news' : 'nieuws';
      const url = `https://www.${author.handle}/${section}/${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1, 2)}/${slug(headline)}-${articleId(createdAt, seq)}`;
      return { externalId: url, url };
    }
    case 'forum': {
      const id = `${place.forumTopic}/${place.posts + 1}`;
      return { externalId: id, url: `${ORGANISATION.forum}/t/${id}` };
    }
  }
}

/** A link to an article on a news account's own site, for its posts on social channels. */
export function articleUrl(site: string, lang: 'nl' | 'en', headline: string, createdAt: number, seq: number): string {
  return `https://www.${site}/${lang === 'en' ? 'news' : 'nieuws'}/${slug(headline)}-${articleId(createdAt, seq)}`;
}

/**
 * Numbers for articles and forum topics come from the time as well, so a second demo with another seed in
 * the same workspace does not reuse them (a counter would start at the same number every run).
 */
function articleId(createdAt: number, seq: number): string {
  return `${Math.floor(createdAt / 1000)}${pad(seq % 100, 2)}`;
}

export function forumTopicId(createdAt: number, seq: number): number {
  return Math.floor(createdAt / 60_000) * 100 + (seq % 100);
}

/** An 11-character YouTube video id, for the videos comments are written under. */
export function videoId(n: number): string {
  return encode(n * 2654435761 + 97, 11, BASE64URL);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Writes a non-negative integer (up to 2^53) in the alphabet, most significant first, fixed width. */
function encode(value: number, width: number, alphabet: string): string {
  const base = alphabet.length;
  let n = Math.floor(Math.abs(value));
  let out = '';
  for (let i = 0; i < width; i++) {
    out = alphabet[n % base] + out;
    n = Math.floor(n / base);
  }
  return out;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean)
    .slice(0, 8)
    .join('-');
}
