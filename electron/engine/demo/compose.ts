import { ORGANISATION, type DemoSentiment, type SharedVocabulary } from '../../../resources/demo';
import { articleUrl } from './addresses';
import type { DemoAuthor } from './authors';
import { CHANNEL_STYLE, type DemoChannel } from './channels';
import type { DemoRandom } from './random';

/** What a post says, before it is dressed for its channel. */
export interface Draft {
  channel: DemoChannel;
  author: DemoAuthor;
  lang: 'nl' | 'en';
  label: DemoSentiment;
  /** The rendered template sentence (or headline). */
  core: string;
  shared: SharedVocabulary;
  topicTags: readonly string[];
  createdAt: number;
  /** Unique number of the post in the run, for article links. */
  seq: number;
}

/** A headline: with a lead sentence on the news feed, with a link to the article on social channels. */
export function newsText(random: DemoRandom, draft: Draft): string {
  const { channel, core, shared, author, lang, createdAt, seq } = draft;
  if (channel !== 'rss')
    return `${core} ${articleUrl(author.site ?? 'dommelstadcourant.nl', lang, core, createdAt, seq)}`;
  return random.chance(0.7) ? `${core}. ${random.pick(shared.newsLeads)}` : core;
}

/**
 * A post as people write it on the channel: an @reply or a greeting, the sentence, maybe a second sentence,
 * a link, an emoji and hashtags, each as often as that channel's style has them.
 */
export function socialText(random: DemoRandom, draft: Draft, replyTo: string | null, topicPath: string): string {
  const { channel, core, shared, label } = draft;
  const style = CHANNEL_STYLE[channel];
  let text = replyTo !== null && style.atReply ? `@${replyTo} ` : '';
  if (replyTo !== null && random.chance(0.5)) text += `${random.pick(shared.replyOpeners[label])} `;
  else if (channel === 'forum' && replyTo === null && random.chance(0.5))
    text += `${random.pick(shared.forumGreetings)}\n\n`;
  else if (channel === 'linkedin' && random.chance(0.4)) text += `${random.pick(shared.linkedinOpeners)} `;
  else if (random.chance(style.opener)) text += `${random.pick(shared.openers[label])} `;
  text += core;
  if (random.chance(style.extra)) text += ` ${random.pick(shared.extras[label])}`;
  if (random.chance(style.link)) text += ` ${ORGANISATION.website}/${topicPath}`;
  if (random.chance(style.emoji)) text += ` ${random.pick(shared.emoji[label])}`;
  if (random.chance(style.hashtagChance)) text += hashtags(random, draft.topicTags, shared.hashtags, style.hashtags);
  return text;
}

/** Topic tags first, then perhaps a general one; never the same tag twice. */
function hashtags(
  random: DemoRandom,
  topicTags: readonly string[],
  sharedTags: readonly string[],
  [min, max]: readonly [number, number],
): string {
  const wanted = min + random.int(max - min + 1);
  let text = '';
  const start = random.int(topicTags.length);
  for (let i = 0; i < wanted && i < topicTags.length; i++) text += ` ${topicTags[(start + i) % topicTags.length]}`;
  if (wanted > 2 && random.chance(0.5)) {
    const tag = sharedTags[random.int(sharedTags.length)]!;
    if (!text.includes(tag)) text += ` ${tag}`;
  }
  return text;
}
