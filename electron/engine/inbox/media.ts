import type { Media } from '../../../shared/api/inbox';

type Json = Record<string, unknown>;

const object = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The pictures and videos of a post, read from the payload it was imported with: a Mastodon status
 * (`media_attachments`), an X v1.1 tweet (`extended_entities`) or v2 answer (`includes.media`), a Bluesky
 * post view (`embed` images, video, record with media). Null when the payload is none of these, so the
 * detail pane can say "unknown" instead of "none".
 */
export function mediaOf(raw: unknown): Media[] | null {
  const payload = object(raw);
  if (!payload) return null;
  if ('media_attachments' in payload) return mastodon(payload.media_attachments);
  const tweet = object(payload.extended_tweet) ?? payload;
  if ('extended_entities' in tweet || 'entities' in tweet || 'full_text' in tweet) {
    return xV1(object(tweet.extended_entities)?.media);
  }
  if (object(payload.includes) && 'media' in (payload.includes as Json)) return xV2((payload.includes as Json).media);
  const post = object(payload.post) ?? payload;
  if (typeof post.uri === 'string' && post.uri.startsWith('at://')) return bluesky(object(post.embed));
  return null;
}

function mastodon(attachments: unknown): Media[] {
  return list(attachments).flatMap((item) => {
    const a = object(item);
    const url = text(a?.url) ?? text(a?.remote_url);
    if (!a || !url) return [];
    const kind = a.type === 'video' ? 'video' : a.type === 'gifv' ? 'gif' : a.type === 'image' ? 'image' : null;
    return kind ? [{ kind, url, previewUrl: text(a.preview_url), alt: text(a.description) }] : [];
  });
}

function xV1(media: unknown): Media[] {
  return list(media).flatMap((item) => {
    const m = object(item);
    const picture = text(m?.media_url_https) ?? text(m?.media_url);
    if (!m || !picture) return [];
    const kind = m.type === 'video' ? 'video' : m.type === 'animated_gif' ? 'gif' : 'image';
    const variants = list(object(m.video_info)?.variants)
      .map(object)
      .filter((v): v is Json => v !== null && v.content_type === 'video/mp4' && text(v.url) !== null)
      .sort((a, b) => Number(b.bitrate ?? 0) - Number(a.bitrate ?? 0));
    const url = kind === 'image' ? picture : (text(variants[0]?.url) ?? picture);
    return [{ kind, url, previewUrl: kind === 'image' ? null : picture, alt: text(m.ext_alt_text) }];
  });
}

function xV2(media: unknown): Media[] {
  return list(media).flatMap((item) => {
    const m = object(item);
    const url = text(m?.url) ?? text(m?.preview_image_url);
    if (!m || !url) return [];
    const kind = m.type === 'video' ? 'video' : m.type === 'animated_gif' ? 'gif' : 'image';
    return [{ kind, url, previewUrl: text(m.preview_image_url), alt: text(m.alt_text) }];
  });
}

function bluesky(embed: Json | null): Media[] {
  if (!embed) return [];
  const images = [...list(embed.images), ...list(object(embed.media)?.images)].flatMap((item) => {
    const image = object(item);
    const url = text(image?.fullsize) ?? text(image?.thumb);
    return image && url ? [{ kind: 'image' as const, url, previewUrl: text(image.thumb), alt: text(image.alt) }] : [];
  });
  const video = [embed, object(embed.media)].flatMap((part) => {
    const playlist = text(part?.playlist);
    return part && playlist
      ? [{ kind: 'video' as const, url: playlist, previewUrl: text(part.thumbnail), alt: text(part.alt) }]
      : [];
  });
  return [...images, ...video];
}
