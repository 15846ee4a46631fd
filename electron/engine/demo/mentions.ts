import { DEMO_TOPIC_KEYS, OPERATORS, ORGANISATION, type DemoSentiment } from '../../../resources/demo';
import type { NewMention } from '../mentions/write';
import { type ThreadPlace, addressFor, articleUrl, videoId } from './addresses';
import { AuthorPool, type DemoAuthor } from './authors';
import { DAY_MS, HOUR_MS } from './calendar';
import {
  ACCOUNT_CHANCE,
  CHANNEL_ERAS,
  CHANNEL_MIX,
  CHANNEL_STYLE,
  DEMO_CHANNELS,
  ENGLISH_SHARE,
  REPLY_CHANCE,
  THREAD_CHANCE,
  channelIndex,
} from './channels';
import { type Conversation, Conversations } from './conversations';
import type { DemoOptions } from './generate';
import { DemoRandom, WeightedPicker } from './random';
import { type DemoLanguage, type Register, Vocabulary } from './text';
import { CELLS, INCIDENT_CELL, type Timeline, buildTimeline } from './timeline';
import { describeStatus, priorityOf, sentimentMix } from './workflow';

export interface DemoStream {
  /** Exactly how many mentions the stream yields. */
  total: number;
  timeline: Timeline;
  mentions: Generator<NewMention, void, undefined>;
}

const YEAR_MS = 365.25 * DAY_MS;
const VIDEOS_PER_TOPIC = 40;

/**
 * The demo as a stream of mentions in time order, oldest first. Nothing here touches the database, so the
 * same stream feeds the workspace and the benchmark's bare insert loop.
 */
export function demoMentions(options: DemoOptions, sourceId: number): DemoStream {
  const [timelineRandom, authorRandom, mentionRandom] = DemoRandom.fromSeed(options.seed).streams(3) as [
    DemoRandom,
    DemoRandom,
    DemoRandom,
  ];
  const timeline = buildTimeline(options.mentions, options.years, options.until, timelineRandom);
  const authors = new AuthorPool(authorRandom, Math.max(200, Math.round(options.mentions / 8)), ENGLISH_SHARE);
  return { total: options.mentions, timeline, mentions: stream(timeline, authors, mentionRandom, sourceId) };
}

function* stream(
  timeline: Timeline,
  authors: AuthorPool,
  random: DemoRandom,
  sourceId: number,
): Generator<NewMention, void, undefined> {
  const vocabulary = new Vocabulary();
  const channelPickers = DEMO_TOPIC_KEYS.map((topic) =>
    CHANNEL_ERAS.map(
      (era) => new WeightedPicker(DEMO_CHANNELS.map((channel) => CHANNEL_MIX[topic][channel] * era[channel])),
    ),
  );
  const videos = DEMO_TOPIC_KEYS.map(() =>
    Array.from({ length: VIDEOS_PER_TOPIC }, () => videoId(random.int(2 ** 31))),
  );
  const conversations = new Conversations(DEMO_CHANNELS.length * DEMO_TOPIC_KEYS.length);
  const { until, periodStart, firstHour, hours, counts } = timeline;
  let forumTopic = 1000;
  let seq = 0;
  let keys = new Uint32Array(1024);

  for (let h = 0; h < hours; h++) {
    let inHour = 0;
    for (let c = 0; c < CELLS; c++) inHour += counts[h * CELLS + c] as number;
    if (inHour === 0) continue;
    const hourStart = firstHour + h * HOUR_MS;
    const from = Math.max(hourStart, Math.ceil(periodStart));
    const span = Math.min(hourStart + HOUR_MS, until) - from;
    if (keys.length < inHour) keys = new Uint32Array(inHour * 2);
    // One sortable number per mention: its millisecond within the hour, and its cell in the low digits.
    let n = 0;
    for (let c = 0; c < CELLS; c++) {
      for (let k = counts[h * CELLS + c] as number; k > 0; k--) keys[n++] = random.int(span) * CELLS + c;
    }
    const sorted = keys.subarray(0, n).sort();
    const localHour = timeline.localHour[h] as number;
    const window = timeline.incidentAt[h]! >= 0 ? timeline.incidents[timeline.incidentAt[h]!]! : null;

    for (let j = 0; j < n; j++) {
      const key = sorted[j] as number;
      const cell = key % CELLS;
      const createdAt = from + (key - cell) / CELLS;
      const incident = cell === INCIDENT_CELL ? window!.incident : null;
      const topic = incident ? DEMO_TOPIC_KEYS.indexOf(incident.topic) : cell;
      const topicKey = DEMO_TOPIC_KEYS[topic]!;
      const age = until - createdAt;
      const era = Math.min(CHANNEL_ERAS.length - 1, Math.floor(age / YEAR_MS));
      const channel = DEMO_CHANNELS[channelPickers[topic]![era]!.pick(random)]!;
      const place = channelIndex(channel) * DEMO_TOPIC_KEYS.length + topic;
      const style = CHANNEL_STYLE[channel];

      const thread: Conversation | null = random.chance(REPLY_CHANCE[channel])
        ? conversations.join(place, createdAt, random)
        : null;
      let lang: DemoLanguage = thread
        ? random.chance(0.85)
          ? thread.lang
          : thread.lang === 'nl'
            ? 'en'
            : 'nl'
        : random.chance(ENGLISH_SHARE[channel])
          ? 'en'
          : 'nl';
      let author: DemoAuthor | null =
        !thread && random.chance(ACCOUNT_CHANCE[channel]) ? authors.account(channel, lang, topicKey, random) : null;
      if (!author && channel === 'rss') author = authors.account(channel, 'nl', topicKey, random);
      author ??= authors.person(channel, lang, random);
      lang = author.lang;
      const register: Register =
        channel === 'rss' || author.kind === 'news' || (author.kind === 'journalist' && random.chance(0.5))
          ? 'news'
          : 'social';
      const mix = sentimentMix(topicKey, incident, register, localHour);
      const draw = random.float();
      const label: DemoSentiment =
        draw < mix.negative ? 'negative' : draw < mix.negative + mix.neutral ? 'neutral' : 'positive';
      const sentence = vocabulary.pick(random, topic, incident?.kind ?? null, lang, register, label);
      const core = vocabulary.render(sentence, random, ORGANISATION.byChannel[channel] ?? ORGANISATION.name);
      const shared = vocabulary.shared[lang];

      const replyToRoot = thread !== null && random.chance(0.6);
      let text: string;
      if (register === 'news') {
        text =
          channel === 'rss'
            ? random.chance(0.7)
              ? `${core}. ${random.pick(shared.newsLeads)}`
              : core
            : `${core} ${articleUrl(author.site ?? 'dommelstadcourant.nl', lang, core, seq)}`;
      } else {
        text = thread && style.atReply ? `@${replyToRoot ? thread.rootHandle : thread.lastHandle} ` : '';
        if (thread && random.chance(0.5)) text += `${random.pick(shared.replyOpeners[label])} `;
        else if (channel === 'forum' && !thread && random.chance(0.5))
          text += `${random.pick(shared.forumGreetings)}\n\n`;
        else if (channel === 'linkedin' && random.chance(0.4)) text += `${random.pick(shared.linkedinOpeners)} `;
        else if (random.chance(style.opener)) text += `${random.pick(shared.openers[label])} `;
        text += core;
        if (random.chance(style.extra)) text += ` ${random.pick(shared.extras[label])}`;
        if (random.chance(style.link))
          text += ` ${ORGANISATION.website}/${topicKey === 'service' ? 'contact' : 'nieuws'}`;
        if (random.chance(style.emoji)) text += ` ${random.pick(shared.emoji[label])}`;
        if (random.chance(style.hashtagChance))
          text += hashtags(
            random,
            vocabulary.hashtags(topic, incident?.kind ?? null, lang),
            shared.hashtags,
            style.hashtags,
          );
      }

      const where: ThreadPlace = thread ?? {
        video: random.pick(videos[topic]!),
        forumTopic: channel === 'forum' ? ++forumTopic : 0,
        posts: 0,
      };
      const address = addressFor(channel, author, seq, createdAt, where, core);
      let parentExternalId: string | null = null;
      let conversationId: string | null = null;
      if (thread) {
        parentExternalId = replyToRoot ? thread.rootId : thread.lastId;
        conversationId = thread.rootId;
        thread.lastId = address.externalId;
        thread.lastHandle = author.handle;
        thread.lastAt = createdAt;
        thread.posts++;
      } else if (random.chance(THREAD_CHANCE[channel])) {
        conversationId = address.externalId;
        conversations.start(place, {
          ...where,
          posts: 1,
          rootId: address.externalId,
          rootHandle: author.handle,
          lastId: address.externalId,
          lastHandle: author.handle,
          lang,
          lastAt: createdAt,
        });
      }

      const reach = channel === 'forum' ? Math.round(random.logNormal(60, 0.8)) : author.followers;
      const jitter = (random.float() - 0.5) * 0.2;
      const score = clampScore(sentence.score + jitter, label);
      const question = text.includes('?');
      const priority = priorityOf(label, score, question, reach, incident !== null, author.kind, thread !== null);
      const { status, assignee } = describeStatus(age, random, OPERATORS);
      yield {
        sourceId,
        channel,
        externalId: address.externalId,
        url: address.url,
        author,
        text,
        lang,
        createdAt,
        fetchedAt: Math.min(until, createdAt + 20_000 + random.int(900_000)),
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
      seq++;
    }
  }
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
  let start = random.int(topicTags.length);
  for (let i = 0; i < wanted && i < topicTags.length; i++) text += ` ${topicTags[(start + i) % topicTags.length]}`;
  if (wanted > 2 && random.chance(0.5)) {
    start = random.int(sharedTags.length);
    const tag = sharedTags[start]!;
    if (!text.includes(tag)) text += ` ${tag}`;
  }
  return text;
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
