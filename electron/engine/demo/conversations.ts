import type { DemoRandom } from './random';
import type { DemoLanguage } from './text';
import type { ThreadPlace } from './addresses';

/** A conversation others can still join: its first post, its latest post, and where it lives. */
export interface Conversation extends ThreadPlace {
  rootId: string;
  rootHandle: string;
  lastId: string;
  lastHandle: string;
  lang: DemoLanguage;
  lastAt: number;
}

/** Replies come within two days; after that a conversation is over. */
const OPEN_FOR_MS = 48 * 3_600_000;
/** Conversations kept open per channel and topic; a new one pushes out the oldest. */
const OPEN_PER_PLACE = 12;

/** Open conversations per channel × topic, so replies land in the right place and after their parent. */
export class Conversations {
  private readonly open: Conversation[][];
  private readonly nextSlot: Uint8Array;

  constructor(places: number) {
    this.open = Array.from({ length: places }, () => []);
    this.nextSlot = new Uint8Array(places);
  }

  /** A conversation to reply in, or null when none is recent enough (then the post starts afresh). */
  join(place: number, now: number, random: DemoRandom): Conversation | null {
    const list = this.open[place]!;
    if (list.length === 0) return null;
    // A few tries: busy places have several live conversations, quiet ones mostly stale ones.
    for (let attempt = 0; attempt < 3; attempt++) {
      const conversation = list[random.int(list.length)]!;
      if (now - conversation.lastAt <= OPEN_FOR_MS) return conversation;
    }
    return null;
  }

  start(place: number, conversation: Conversation): void {
    const list = this.open[place]!;
    if (list.length < OPEN_PER_PLACE) {
      list.push(conversation);
      return;
    }
    const slot = this.nextSlot[place]!;
    list[slot] = conversation;
    this.nextSlot[place] = (slot + 1) % OPEN_PER_PLACE;
  }
}
