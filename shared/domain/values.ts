/**
 * The domain's fixed lists of values, without their zod schemas (domain/mention.ts builds those from
 * these). The renderer's first screen imports the lists from here, so it shows the inbox without loading
 * zod and building the API's schemas first.
 */

/** Channels Watchpost knows. `rss` covers news sites and blogs, `forum` a civic forum. */
export const CHANNELS = [
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'youtube',
  'mastodon',
  'bluesky',
  'rss',
  'forum',
  'webhook',
  'file',
] as const;

/** The workflow: new → open → waiting → resolved, plus archived and spam (both out of the working lists). */
export const MENTION_STATUSES = ['new', 'open', 'waiting', 'resolved', 'archived', 'spam'] as const;

export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;

export const LANGUAGES = ['nl', 'en', 'other'] as const;
