import { DEMO_TOPIC_KEYS, OPERATORS, ORGANISATION, type DemoSentiment } from '../../../resources/demo';
import type { NewMention } from '../mentions/write';
import { type ThreadPlace, addressFor, forumTopicId, videoId } from './addresses';
import type { AuthorPool, DemoAuthor } from './authors';
import { DAY_MS } from './calendar';
import {
  ACCOUNT_CHANCE,
  CHANNEL_ERAS,
  CHANNEL_MIX,
  DEMO_CHANNELS,
  type DemoChannel,
  ENGLISH_SHARE,
  REPLY_CHANCE,
  THREAD_CHANCE,
  channelIndex,
} from './channels';
import { newsText, socialText } from './compose';
import { type Conversation, Conversations } from './conversations';
import type { DemoIncident } from './incidents';
import { type DemoRandom, WeightedPicker } from './random';
import { type DemoLanguage, type Register, Vocabulary } from './text';
import { describeStatus, priorityOf, sentimentMix } from './workflow';

const YEAR_MS = 365.25 * DAY_MS;
const VIDEOS_PER_TOPIC = 40;

/**
 * Makes one mention at a time, in time order: picks the channel, whether it joins a conversation, the
 * author, the mood and the words, then the ids, links and the state an operator left it in.
 */
export class MentionFactory {
  private readonly vocabulary = new Vocabulary();
  private readonly conversations = new Conversations(DEMO_CHANNELS.length * DEMO_TOPIC_KEYS.length);
  /** [topic][era] */
  private readonly channelPickers: WeightedPicker[][];
  private readonly videos: string[][];
  private seq = 0;

  constructor(
    private readonly random: DemoRandom,
    private readonly authors: AuthorPool,
    private readonly sourceId: number,
    private readonly until: number,
  ) {
    this.channelPickers = DEMO_TOPIC_KEYS.map((topic) =>
      CHANNEL_ERAS.map(
        (era) => new WeightedPicker(DEMO_CHANNELS.map((channel) => CHANNEL_MIX[topic][channel] * era[channel])),
      ),
    );
    this.videos = DEMO_TOPIC_KEYS.map(() =>
      Array.from({ length: VIDEOS_PER_TOPIC }, () => videoId(random.int(2 ** 31))),
    );
  }

  create(createdAt: number, topic: number, incident: DemoIncident | null, localHour: number): NewMention {
    const random = this.random;
    const seq = this.seq++;
    const topicKey = DEMO_TOPIC_KEYS[topic]!;
    const age = this.until - createdAt;
    const era = Math.min(CHANNEL_ERAS.length - 1, Math.floor(age / YEAR_MS));
    const channel = DEMO_CHANNELS[this.channelPickers[topic]![era]!.pick(random)]!;
    const place = channelIndex(channel) * DEMO_TOPIC_KEYS.length + topic;
    const thread = random.chance(REPLY_CHANCE[channel]) ? this.conversations.join(place, createdAt, random) : null;
    const author = this.author(channel, topicKey, thread);
    const lang = author.lang;
    const register: Register =
      channel === 'rss' || author.kind === 'news' || (author.kind === 'journalist' && random.chance(0.5))
        ? 'news'
        : 'social';

    const mix = sentimentMix(topicKey, incident, register, localHour);
    const draw = random.float();
    const label: DemoSentiment =
      draw < mix.negative ? 'negative' : draw < mix.negative + mix.neutral ? 'neutral' : 'positive';
    const incidentKind = incident?.kind ?? null;
    const sentence = this.vocabulary.pick(random, topic, incidentKind, lang, register, label);
    const core = this.vocabulary.render(sentence, random, ORGANISATION.byChannel[channel] ?? ORGANISATION.name);
    const draft = {
      channel,
      author,
      lang,
      label,
      core,
      shared: this.vocabulary.shared[lang],
      topicTags: this.vocabulary.hashtags(topic, incidentKind, lang),
      createdAt,
      seq,
    };
    const replyToRoot = thread !== null && random.chance(0.6);
    const replyTo = thread ? (replyToRoot ? thread.rootHandle : thread.lastHandle) : null;
    const text =
      register === 'news'
        ? newsText(random, draft)
        : socialText(random, draft, replyTo, topicKey === 'service' ? 'contact' : 'nieuws');

    const where: ThreadPlace = thread ?? {
      video: random.pick(this.videos[topic]!),
      forumTopic: channel === 'forum' ? forumTopicId(createdAt, seq) : 0,
      posts: 0,
    };
    const address = addressFor(channel, author, seq, createdAt, where, core);
    const { parentExternalId, conversationId } = this.link(thread, replyToRoot, {
      channel,
      place,
      where,
      externalId: address.externalId,
      author,
      createdAt,
    });

    const reach = channel === 'forum' ? Math.round(random.logNormal(60, 0.8)) : author.followers;
    const score = clampScore(sentence.score + (random.float() - 0.5) * 0.2, label);
    const priority = priorityOf(
      label,
      score,
      text.includes('?'),
      reach,
      incident !== null,
      author.kind,
      thread !== null,
    );
    const { status, assignee } = describeStatus(age, random, OPERATORS);
    return {
      sourceId: this.sourceId,
      channel,
      externalId: address.externalId,
      url: address.url,
      author,
      text,
      lang,
      createdAt,
      fetchedAt: Math.min(this.until, createdAt + 20_000 + random.int(900_000)),
      parentExternalId,
      conversationId,
      reach,
      geo: author.location,
      sentiment: { label, score },
      priority,
      status,
      assignee,
      raw: `{"topic":"${topicKey}","sentence":${sentence.id}${incident ? `,"incident":"${incident.id}"` : ''}}`,
    };
  }

  /** Who writes: in a conversation mostly in its language; otherwise now and then a medium or association. */
  private author(
    channel: DemoChannel,
    topicKey: (typeof DEMO_TOPIC_KEYS)[number],
    thread: Conversation | null,
  ): DemoAuthor {
    const random = this.random;
    let lang: DemoLanguage;
    if (thread) lang = random.chance(0.85) ? thread.lang : thread.lang === 'nl' ? 'en' : 'nl';
    else lang = random.chance(ENGLISH_SHARE[channel]) ? 'en' : 'nl';
    const account =
      !thread && random.chance(ACCOUNT_CHANCE[channel]) ? this.authors.account(channel, lang, topicKey, random) : null;
    if (account) return account;
    // The news feeds have only sites; an English post with no English site goes to a Dutch one.
    if (channel === 'rss') return this.authors.account(channel, 'nl', topicKey, random)!;
    return this.authors.person(channel, lang, random);
  }

  /** Files a reply under its conversation, or opens a new conversation that later posts can join. */
  private link(
    thread: Conversation | null,
    replyToRoot: boolean,
    post: Post,
  ): Pick<NewMention, 'parentExternalId' | 'conversationId'> {
    if (thread) {
      const parentExternalId = replyToRoot ? thread.rootId : thread.lastId;
      thread.lastId = post.externalId;
      thread.lastHandle = post.author.handle;
      thread.lastAt = post.createdAt;
      thread.posts++;
      return { parentExternalId, conversationId: thread.rootId };
    }
    if (!this.random.chance(THREAD_CHANCE[post.channel])) return { parentExternalId: null, conversationId: null };
    this.conversations.start(post.place, {
      video: post.where.video,
      forumTopic: post.where.forumTopic,
      posts: 1,
      rootId: post.externalId,
      rootHandle: post.author.handle,
      lastId: post.externalId,
      lastHandle: post.author.handle,
      lang: post.author.lang,
      lastAt: post.createdAt,
    });
    return { parentExternalId: null, conversationId: post.externalId };
  }
}

/** Where a new post sits, for linking it into a conversation. */
interface Post {
  channel: DemoChannel;
  /** Channel × topic: conversations only continue within one. */
  place: number;
  where: ThreadPlace;
  externalId: string;
  author: DemoAuthor;
  createdAt: number;
}

function clampScore(score: number, label: DemoSentiment): number {
  const bounded =
    label === 'positive'
      ? Math.min(1, Math.max(0.05, score))
      : label === 'negative'
        ? Math.max(-1, Math.min(-0.05, score))
        : Math.max(-0.15, Math.min(0.15, score));
  return Math.round(bounded * 1000) / 1000;
}
