import { DEMO_TOPIC_KEYS } from '../../../resources/demo';
import { DAY_MS, HOUR_MS, feastDay, localTime } from './calendar';
import { type IncidentWindow, incidentWindows } from './incidents';
import type { DemoRandom } from './random';
import { RHYTHMS, TOPIC_COUNT, meanHourWeight } from './rhythms';

/** One cell per topic per hour, plus one for the incident running in that hour (if any). */
export const CELLS = TOPIC_COUNT + 1;
export const INCIDENT_CELL = TOPIC_COUNT;

const YEAR_MS = 365.25 * DAY_MS;
/** Volume grows about 18% a year (more people online, more channels watched), so recent years are busier. */
const GROWTH_PER_YEAR = 0.18;
const DAY_NOISE = 0.2;
const HOUR_NOISE = 0.15;
/** A topic has an unexplained busy day now and then (a viral post), as real data does. */
const BUSY_DAY_CHANCE = 0.004;
/** At least this many mentions land in the last hour before `until`, so the inbox shows today. */
const MIN_IN_LAST_HOUR = 3;

/**
 * How many mentions fall in each hour and topic. Hours are whole UTC hours (so whole Dutch hours too); the
 * first and last are clipped to the period [until − years, until).
 */
export interface Timeline {
  periodStart: number;
  until: number;
  firstHour: number;
  hours: number;
  /** Mentions per (hour × CELLS + cell). Sums to the requested number exactly. */
  counts: Uint32Array;
  /** Hour of the day on the Dutch clock, per hour. */
  localHour: Uint8Array;
  /** Index into `incidents` of the incident running in each hour, or -1. */
  incidentAt: Int16Array;
  incidents: IncidentWindow[];
}

export function buildTimeline(mentions: number, years: number, until: number, random: DemoRandom): Timeline {
  const periodStart = until - years * YEAR_MS;
  const firstHour = Math.floor(periodStart / HOUR_MS) * HOUR_MS;
  const hours = Math.max(1, Math.ceil((until - firstHour) / HOUR_MS));
  const weights = new Float64Array(hours * CELLS);
  const localHour = new Uint8Array(hours);
  const incidentAt = new Int16Array(hours).fill(-1);
  const topicMeans = new Float64Array(TOPIC_COUNT);
  const rhythms = DEMO_TOPIC_KEYS.map((key) => RHYTHMS[key]);
  const base = rhythms.map((rhythm) => rhythm.share / meanHourWeight(rhythm));
  const dayFactor = new Float64Array(TOPIC_COUNT);
  let currentDay = Number.NaN;

  for (let h = 0; h < hours; h++) {
    const start = firstHour + h * HOUR_MS;
    const covered = (Math.min(start + HOUR_MS, until) - Math.max(start, periodStart)) / HOUR_MS;
    const local = localTime(start);
    localHour[h] = local.hour;
    if (local.day !== currentDay) {
      currentDay = local.day;
      for (let t = 0; t < TOPIC_COUNT; t++) {
        const busy = random.chance(BUSY_DAY_CHANCE) ? 1.8 + random.float() * 0.7 : 1;
        dayFactor[t] = Math.exp(DAY_NOISE * random.normal()) * busy;
      }
    }
    const feast = feastDay(local);
    const growth = Math.exp(-GROWTH_PER_YEAR * ((until - start) / YEAR_MS));
    for (let t = 0; t < TOPIC_COUNT; t++) {
      const rhythm = rhythms[t]!;
      const feastFactor = feast ? (rhythm.feast[feast] ?? 1) : 1;
      const weight =
        (base[t] as number) *
        (rhythm.hourOfWeek[local.weekday * 24 + local.hour] as number) *
        rhythm.season(local.dayOfYear) *
        feastFactor *
        growth *
        (dayFactor[t] as number) *
        Math.exp(HOUR_NOISE * random.normal()) *
        Math.max(0, covered);
      weights[h * CELLS + t] = weight;
      topicMeans[t] = (topicMeans[t] as number) + weight / hours;
    }
  }

  const incidents = incidentWindows(until, years);
  incidents.forEach((window, index) => {
    const topic = DEMO_TOPIC_KEYS.indexOf(window.incident.topic);
    const from = Math.max(0, Math.floor((window.start - firstHour) / HOUR_MS));
    const to = Math.min(hours, Math.ceil((window.end - firstHour) / HOUR_MS));
    for (let h = from; h < to; h++) {
      // Full force for the first third, then fading to a third: how attention to an incident behaves.
      const progress = (h - from) / Math.max(1, to - from);
      const fade = progress < 0.3 ? 1 : 1 - (0.7 * (progress - 0.3)) / 0.7;
      const usual = Math.max(weights[h * CELLS + topic] as number, topicMeans[topic] as number);
      weights[h * CELLS + INCIDENT_CELL] = (window.incident.volumeFactor - 1) * usual * fade;
      incidentAt[h] = index;
    }
  });

  const counts = allocate(weights, mentions, random);
  keepTodayBusy(counts, hours, Math.min(mentions, MIN_IN_LAST_HOUR));
  return { periodStart, until, firstHour, hours, counts, localHour, incidentAt, incidents };
}

/**
 * Turns weights into whole counts that add up to exactly `total` (systematic sampling: one random offset,
 * then every cell gets the integers its share of the running sum crosses).
 */
function allocate(weights: Float64Array, total: number, random: DemoRandom): Uint32Array {
  let sum = 0;
  for (const weight of weights) sum += weight;
  const counts = new Uint32Array(weights.length);
  const scale = total / sum;
  const offset = random.float();
  let running = offset;
  let assigned = 0;
  for (let i = 0; i < weights.length; i++) {
    running += (weights[i] as number) * scale;
    const reached = Math.min(total, Math.floor(running));
    counts[i] = reached - assigned;
    assigned = reached;
  }
  // Floating-point rounding can leave the last one or two unassigned; give them to the busiest final cell.
  if (assigned < total) counts[weights.length - CELLS] = (counts[weights.length - CELLS] as number) + total - assigned;
  return counts;
}

/** Moves mentions from the earliest hours into the last one when chance left today (almost) empty. */
function keepTodayBusy(counts: Uint32Array, hours: number, minimum: number): void {
  const last = (hours - 1) * CELLS;
  let inLast = 0;
  for (let c = 0; c < CELLS; c++) inLast += counts[last + c] as number;
  for (let i = 0; inLast < minimum && i < last; i++) {
    while ((counts[i] as number) > 0 && inLast < minimum) {
      counts[i] = (counts[i] as number) - 1;
      counts[last] = (counts[last] as number) + 1;
      inLast++;
    }
  }
}
