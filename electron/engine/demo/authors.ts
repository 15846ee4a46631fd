import {
  ACCOUNTS,
  DUTCH_FIRST_NAMES,
  DUTCH_LAST_NAMES,
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  MUNICIPALITIES,
  SHARED_NL,
  type AccountKind,
  type DemoTopicKey,
} from '../../../resources/demo';
import type { NewAuthor } from '../mentions/write';
import { DEMO_CHANNELS, type DemoChannel, channelIndex } from './channels';
import { type DemoRandom, WeightedPicker, zipfWeights } from './random';
import type { DemoLanguage } from './text';

export interface DemoAuthor extends NewAuthor {
  kind: 'person' | AccountKind;
  lang: DemoLanguage;
  /** A news account's website (for links in its posts); null for everyone else. */
  site: string | null;
  /** Bluesky's stable account id, used in the post's at:// address. */
  did: string | null;
}

/** Share of each channel's authors (rss has only the news sites). */
const AUTHOR_SHARE: Readonly<Record<DemoChannel, number>> = {
  x: 0.22,
  facebook: 0.24,
  instagram: 0.14,
  linkedin: 0.05,
  youtube: 0.04,
  mastodon: 0.05,
  bluesky: 0.07,
  rss: 0,
  forum: 0.12,
};
/** Typical followers (median, spread) of a person per channel. */
const FOLLOWERS: Readonly<Record<DemoChannel, readonly [number, number]>> = {
  x: [180, 1.3],
  facebook: [250, 0.9],
  instagram: [350, 1.2],
  linkedin: [450, 0.9],
  youtube: [40, 1.5],
  mastodon: [120, 1.1],
  bluesky: [150, 1.2],
  rss: [0, 0],
  forum: [0, 0],
};
/** Some authors post much more than others: activity follows a Zipf curve with this exponent. */
const ACTIVITY_EXPONENT = 0.85;
const MASTODON_INSTANCES = ['mastodon.nl', 'mastodon.social', 'toot.community', 'mastodon.online', 'dommelstad.social'];

interface Pool {
  authors: DemoAuthor[];
  picker: WeightedPicker;
}

/**
 * Everyone who posts in the demo: a pool of people per channel and language (sized to the number of
 * mentions, Zipf-like activity, log-normal followers) plus the few media and associations with reach.
 */
export class AuthorPool {
  private readonly people: Pool[] = [];
  private readonly accounts = new Map<string, Pool | null>();
  private readonly handles = DEMO_CHANNELS.map(() => new Set<string>());
  private readonly places: WeightedPicker;
  private readonly expatPlaces: WeightedPicker;

  constructor(
    private readonly random: DemoRandom,
    totalPeople: number,
    englishShare: Readonly<Record<DemoChannel, number>>,
  ) {
    this.places = new WeightedPicker(MUNICIPALITIES.map(([, weight]) => weight));
    this.expatPlaces = new WeightedPicker(
      MUNICIPALITIES.map(([name, weight]) => (name === 'Eindhoven' ? weight * 3 : weight)),
    );
    for (const channel of DEMO_CHANNELS) {
      const size = Math.max(channel === 'rss' ? 0 : 8, Math.round(totalPeople * AUTHOR_SHARE[channel]));
      const english = Math.max(3, Math.round(size * englishShare[channel]));
      this.people.push(this.buildPool(channel, 'nl', Math.max(5, size - english)));
      this.people.push(this.buildPool(channel, 'en', english));
    }
  }

  person(channel: DemoChannel, lang: DemoLanguage, random: DemoRandom): DemoAuthor {
    const pool = this.people[channelIndex(channel) * 2 + (lang === 'en' ? 1 : 0)]!;
    return pool.authors[pool.picker.pick(random)]!;
  }

  /** A media or association account that posts on the channel, in the language, about the topic; null if none does. */
  account(channel: DemoChannel, lang: DemoLanguage, topic: DemoTopicKey, random: DemoRandom): DemoAuthor | null {
    const key = `${channel}/${lang}/${topic}`;
    let pool = this.accounts.get(key);
    if (pool === undefined) {
      const authors = ACCOUNTS.filter(
        (account) =>
          account.handles[channel] &&
          account.lang === lang &&
          (account.topics.length === 0 || account.topics.includes(topic)),
      ).map<DemoAuthor>((account) => ({
        handle: account.handles[channel]!,
        displayName: account.displayName,
        followers:
          channel === 'rss' ? account.followers : Math.round(account.followers * (0.3 + 0.7 * channelReachOf(channel))),
        location: null,
        kind: account.kind,
        lang,
        site: account.handles['rss'] ?? null,
        did: channel === 'bluesky' ? didFor(account.handles[channel]!) : null,
      }));
      pool = authors.length
        ? { authors, picker: new WeightedPicker(authors.map((author) => Math.sqrt(author.followers + 1))) }
        : null;
      this.accounts.set(key, pool);
    }
    return pool ? pool.authors[pool.picker.pick(random)]! : null;
  }

  private buildPool(channel: DemoChannel, lang: DemoLanguage, size: number): Pool {
    const authors: DemoAuthor[] = [];
    const random = this.random;
    const [median, spread] = FOLLOWERS[channel];
    for (let i = 0; i < size; i++) {
      const first = random.pick(lang === 'en' ? ENGLISH_FIRST_NAMES : DUTCH_FIRST_NAMES);
      const last = random.pick(lang === 'en' ? ENGLISH_LAST_NAMES : DUTCH_LAST_NAMES);
      const handle = this.uniqueHandle(channel, this.handleFor(channel, first, last));
      const located = random.chance(0.8);
      const place = MUNICIPALITIES[(lang === 'en' ? this.expatPlaces : this.places).pick(random)]![0];
      authors.push({
        handle,
        displayName: channel === 'forum' ? null : `${first} ${last}`,
        followers: median > 0 ? Math.round(random.logNormal(median, spread)) : 0,
        location: located ? place : null,
        kind: 'person',
        lang,
        site: null,
        did: channel === 'bluesky' ? didFor(handle) : null,
      });
    }
    return { authors, picker: new WeightedPicker(zipfWeights(size, ACTIVITY_EXPONENT)) };
  }

  private handleFor(channel: DemoChannel, first: string, last: string): string {
    const random = this.random;
    const f = plain(first).toLowerCase();
    const l = plain(last).toLowerCase();
    const year = String(60 + random.int(45)).slice(-2);
    switch (channel) {
      case 'x':
        return random.pick([
          `${f}${l}`,
          `${f}_${l}`,
          `${f}${l}${year}`,
          `${cap(f)}${cap(l)}`,
          `${f}_${year}`,
          `${l}${f}`,
        ]);
      case 'instagram':
        return random.pick([`${f}.${l}`, `${f}_${l}${year}`, `${f}${l}`, `${f}.${year}`]);
      case 'facebook':
        return `${f}.${l}.${random.int(99) + 1}`;
      case 'linkedin':
        return `${f}-${l}-${random.int(0xffffff).toString(16)}`;
      case 'youtube':
        return random.pick([`${cap(f)}${cap(l)}`, `${cap(f)}${year}`, `${cap(l)}Vlogt`]);
      case 'mastodon':
        return `${random.pick([f, `${f}${l}`, `${f}_${l}`])}@${random.pick(MASTODON_INSTANCES)}`;
      case 'bluesky':
        return `${f}${l}.bsky.social`;
      case 'forum':
        return random.pick([
          `${cap(f)}_${plain(random.pick(SHARED_NL.slots['wijk'] ?? ['Dommelstad']))}`,
          `${f}${year}`,
          `Buurman${cap(f)}`,
          `${cap(f)}${cap(l)}`,
        ]);
      case 'rss':
        return `${f}${l}.nl`;
    }
  }

  private uniqueHandle(channel: DemoChannel, wanted: string): string {
    const taken = this.handles[channelIndex(channel)]!;
    let handle = wanted;
    for (let n = 2; taken.has(handle.toLowerCase()); n++) {
      handle =
        channel === 'mastodon'
          ? wanted.replace('@', `${n}@`)
          : channel === 'bluesky'
            ? wanted.replace('.bsky', `${n}.bsky`)
            : `${wanted}${n}`;
    }
    taken.add(handle.toLowerCase());
    return handle;
  }
}

/** How far an account's audience carries on a channel, relative to its own site. */
function channelReachOf(channel: DemoChannel): number {
  return channel === 'x' || channel === 'facebook' || channel === 'youtube' ? 1 : 0.5;
}

/** Letters and digits only, diacritics dropped: what a handle can hold. */
function plain(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z0-9]/g, '');
}

const cap = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** A did:plc-shaped id derived from the handle (base32, 24 characters), stable across runs. */
function didFor(handle: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let hash = 2166136261;
  let id = '';
  for (let round = 0; id.length < 24; round++) {
    for (let i = 0; i < handle.length; i++) hash = Math.imul(hash ^ handle.charCodeAt(i), 16777619);
    hash = Math.imul(hash ^ round, 16777619);
    for (let k = 0; k < 6 && id.length < 24; k++) id += alphabet[(hash >>> (k * 5)) & 31];
  }
  return `did:plc:${id}`;
}
