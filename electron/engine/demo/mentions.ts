import { DEMO_TOPIC_KEYS } from '../../../resources/demo';
import type { NewMention } from '../mentions/write';
import { AuthorPool } from './authors';
import { HOUR_MS } from './calendar';
import { ENGLISH_SHARE } from './channels';
import { MentionFactory } from './factory';
import type { DemoOptions } from './generate';
import { DemoRandom } from './random';
import { CELLS, INCIDENT_CELL, type Timeline, buildTimeline } from './timeline';

export interface DemoStream {
  /** Exactly how many mentions the stream yields. */
  total: number;
  timeline: Timeline;
  mentions: Generator<NewMention, void, undefined>;
}

/** Authors in the pool per mention: a few thousand voices for a small demo, 125,000 at a million mentions. */
const MENTIONS_PER_AUTHOR = 8;
const MIN_AUTHORS = 200;

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
  const people = Math.max(MIN_AUTHORS, Math.round(options.mentions / MENTIONS_PER_AUTHOR));
  const factory = new MentionFactory(
    mentionRandom,
    new AuthorPool(authorRandom, people, ENGLISH_SHARE),
    sourceId,
    options.until,
  );
  return { total: options.mentions, timeline, mentions: stream(timeline, factory, mentionRandom) };
}

/** Walks the timeline hour by hour; within an hour, mentions get random moments and come out sorted. */
function* stream(
  timeline: Timeline,
  factory: MentionFactory,
  random: DemoRandom,
): Generator<NewMention, void, undefined> {
  const { until, periodStart, firstHour, hours, counts } = timeline;
  let keys = new Uint32Array(1024);
  for (let h = 0; h < hours; h++) {
    let inHour = 0;
    for (let c = 0; c < CELLS; c++) inHour += counts[h * CELLS + c]!;
    if (inHour === 0) continue;
    const hourStart = firstHour + h * HOUR_MS;
    const from = Math.max(hourStart, Math.ceil(periodStart));
    const span = Math.min(hourStart + HOUR_MS, until) - from;
    if (keys.length < inHour) keys = new Uint32Array(inHour * 2);
    // One sortable number per mention: its millisecond within the hour, and its cell in the low digits.
    let n = 0;
    for (let c = 0; c < CELLS; c++) {
      for (let k = counts[h * CELLS + c]!; k > 0; k--) keys[n++] = random.int(span) * CELLS + c;
    }
    const sorted = keys.subarray(0, n).sort();
    const localHour = timeline.localHour[h]!;
    const running = timeline.incidentAt[h]!;
    const incident = running >= 0 ? timeline.incidents[running]!.incident : null;
    for (let j = 0; j < n; j++) {
      const cell = sorted[j]! % CELLS;
      const createdAt = from + (sorted[j]! - cell) / CELLS;
      yield cell === INCIDENT_CELL
        ? factory.create(createdAt, DEMO_TOPIC_KEYS.indexOf(incident!.topic), incident, localHour)
        : factory.create(createdAt, cell, null, localHour);
    }
  }
}
