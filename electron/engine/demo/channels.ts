import type { DemoTopicKey } from '../../../resources/demo';
import type { Channel } from '../../../shared/domain/mention';

/** The channels the demo fills, in a fixed order (the order is part of what a seed produces). */
export const DEMO_CHANNELS = [
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'youtube',
  'mastodon',
  'bluesky',
  'rss',
  'forum',
] as const satisfies readonly Channel[];
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

const INDEX: Readonly<Record<DemoChannel, number>> = Object.fromEntries(
  DEMO_CHANNELS.map((channel, i) => [channel, i]),
) as Record<DemoChannel, number>;
export const channelIndex = (channel: DemoChannel): number => INDEX[channel];

type PerChannel = Readonly<Record<DemoChannel, number>>;

/** Where each topic is talked about (relative weights per channel). */
export const CHANNEL_MIX: Readonly<Record<DemoTopicKey, PerChannel>> = {
  nightlife: {
    x: 22,
    facebook: 20,
    instagram: 25,
    linkedin: 1,
    youtube: 6,
    mastodon: 3,
    bluesky: 7,
    rss: 6,
    forum: 10,
  },
  broadband: { x: 25, facebook: 25, instagram: 3, linkedin: 8, youtube: 2, mastodon: 6, bluesky: 7, rss: 9, forum: 15 },
  lighting: { x: 18, facebook: 30, instagram: 4, linkedin: 2, youtube: 1, mastodon: 5, bluesky: 5, rss: 5, forum: 30 },
  budget: { x: 18, facebook: 18, instagram: 4, linkedin: 18, youtube: 5, mastodon: 8, bluesky: 7, rss: 12, forum: 10 },
  service: { x: 35, facebook: 30, instagram: 8, linkedin: 1, youtube: 1, mastodon: 4, bluesky: 8, rss: 3, forum: 10 },
  city: { x: 15, facebook: 25, instagram: 30, linkedin: 4, youtube: 5, mastodon: 4, bluesky: 5, rss: 7, forum: 5 },
};

/**
 * How channels rose and fell: Bluesky is recent, Mastodon took off in late 2022, X is slowly losing ground.
 * Factor per channel for mentions that are less than 1, 1–2, 2–3 and more than 3 years old.
 */
export const CHANNEL_ERAS: readonly PerChannel[] = [
  { x: 0.8, facebook: 1, instagram: 1.1, linkedin: 1, youtube: 1, mastodon: 1, bluesky: 1.6, rss: 1, forum: 1 },
  { x: 1, facebook: 1, instagram: 1, linkedin: 1, youtube: 1, mastodon: 1.1, bluesky: 0.7, rss: 1, forum: 1 },
  { x: 1.1, facebook: 1.1, instagram: 0.9, linkedin: 0.9, youtube: 1, mastodon: 0.7, bluesky: 0.15, rss: 1, forum: 1 },
  { x: 1.2, facebook: 1.2, instagram: 0.8, linkedin: 0.8, youtube: 1, mastodon: 0.2, bluesky: 0.02, rss: 1, forum: 1 },
];

/** Share of English posts per channel (internationals in the Eindhoven region); about a quarter overall. */
export const ENGLISH_SHARE: PerChannel = {
  x: 0.28,
  facebook: 0.22,
  instagram: 0.3,
  linkedin: 0.36,
  youtube: 0.25,
  mastodon: 0.3,
  bluesky: 0.34,
  rss: 0.12,
  forum: 0.08,
};

/** Chance that a post is a reply in a running conversation (when one is open on that channel and topic). */
export const REPLY_CHANCE: PerChannel = {
  x: 0.3,
  facebook: 0.4,
  instagram: 0.25,
  linkedin: 0.2,
  youtube: 0.4,
  mastodon: 0.3,
  bluesky: 0.3,
  rss: 0,
  forum: 0.6,
};

/** Chance that a new post draws replies (becomes a conversation others join). Forum posts always open a thread. */
export const THREAD_CHANCE: PerChannel = {
  x: 0.25,
  facebook: 0.3,
  instagram: 0.2,
  linkedin: 0.2,
  youtube: 0.3,
  mastodon: 0.25,
  bluesky: 0.25,
  rss: 0,
  forum: 1,
};

/** Chance that a post comes from a media or association account rather than a person. */
export const ACCOUNT_CHANCE: PerChannel = {
  x: 0.05,
  facebook: 0.04,
  instagram: 0.05,
  linkedin: 0.12,
  youtube: 0.15,
  mastodon: 0.05,
  bluesky: 0.04,
  rss: 1,
  forum: 0.01,
};

/** How a post is dressed on each channel: chance of emoji, hashtags (min–max when present), a link, an extra sentence. */
export interface ChannelStyle {
  emoji: number;
  hashtagChance: number;
  hashtags: readonly [number, number];
  link: number;
  extra: number;
  opener: number;
  /** Replies start with the parent's @handle. */
  atReply: boolean;
}

export const CHANNEL_STYLE: Readonly<Record<DemoChannel, ChannelStyle>> = {
  x: { emoji: 0.3, hashtagChance: 0.35, hashtags: [1, 2], link: 0.05, extra: 0.3, opener: 0.15, atReply: true },
  facebook: {
    emoji: 0.35,
    hashtagChance: 0.08,
    hashtags: [1, 1],
    link: 0.04,
    extra: 0.4,
    opener: 0.15,
    atReply: false,
  },
  instagram: { emoji: 0.6, hashtagChance: 0.85, hashtags: [2, 5], link: 0, extra: 0.25, opener: 0.1, atReply: false },
  linkedin: { emoji: 0.1, hashtagChance: 0.7, hashtags: [1, 3], link: 0.2, extra: 0.4, opener: 0.1, atReply: false },
  youtube: { emoji: 0.3, hashtagChance: 0, hashtags: [0, 0], link: 0, extra: 0.25, opener: 0.15, atReply: false },
  mastodon: { emoji: 0.15, hashtagChance: 0.6, hashtags: [1, 3], link: 0.1, extra: 0.35, opener: 0.1, atReply: true },
  bluesky: { emoji: 0.25, hashtagChance: 0.25, hashtags: [1, 2], link: 0.06, extra: 0.3, opener: 0.15, atReply: true },
  rss: { emoji: 0, hashtagChance: 0, hashtags: [0, 0], link: 0, extra: 0, opener: 0, atReply: false },
  forum: { emoji: 0.02, hashtagChance: 0, hashtags: [0, 0], link: 0.03, extra: 0.6, opener: 0.05, atReply: false },
};
