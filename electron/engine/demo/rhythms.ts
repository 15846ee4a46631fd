import { DEMO_TOPIC_KEYS, type DemoTopicKey } from '../../../resources/demo';
import type { FeastDay } from './calendar';

/**
 * When people post about each topic: share of all mentions, shape over the hours of the week, over the
 * year, and on feast days. Weights are relative; the timeline normalises them.
 */
export interface TopicRhythm {
  share: number;
  /** Relative weight per hour of the week, index weekday × 24 + hour (weekday 0 = Sunday). */
  hourOfWeek: Float64Array;
  season(dayOfYear: number): number;
  feast: Readonly<Partial<Record<Exclude<FeastDay, null>, number>>>;
}

const YEAR_DAYS = 365.25;
const wave = (dayOfYear: number, peakDay: number): number =>
  Math.cos((2 * Math.PI * (dayOfYear - peakDay)) / YEAR_DAYS);
const bump = (dayOfYear: number, centre: number, width: number): number => {
  const distance = Math.min(Math.abs(dayOfYear - centre), YEAR_DAYS - Math.abs(dayOfYear - centre));
  return Math.exp(-(distance * distance) / (2 * width * width));
};

function table(weight: (weekday: number, hour: number) => number): Float64Array {
  const values = new Float64Array(168);
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) values[weekday * 24 + hour] = weight(weekday, hour);
  }
  return values;
}

const isWeekend = (weekday: number): boolean => weekday === 0 || weekday === 6;

// Hourly shapes, 00:00 … 23:00 on the Dutch clock.
const NIGHT = [
  2.6, 2.4, 2, 1.3, 0.6, 0.25, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1.1, 1.4, 1.8, 2.3,
  2.7,
];
/** How busy the night is, by the weekday the evening started on: Thursday is student night; Friday and Saturday peak. */
const NIGHT_BY_EVENING = [0.5, 0.4, 0.45, 0.6, 1.0, 1.8, 2.1];
const OFFICE = [
  0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5, 1, 1.3, 1.4, 1.4, 1.2, 1.3, 1.3, 1.2, 1.1, 0.9, 0.8, 1, 1.1, 1, 0.6, 0.3,
];
const DARK = [
  0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.4, 0.9, 0.9, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.7, 1.1, 1.5, 1.7, 1.7, 1.5,
  1.1, 0.6,
];
const EVENINGS = [
  0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.3, 0.7, 1, 1, 1, 1, 1, 1, 1, 1, 0.8, 0.9, 1.4, 1.6, 1.3, 0.7, 0.3,
];
const DESK = [
  0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.2, 0.9, 1.5, 1.6, 1.5, 1.1, 1.3, 1.4, 1.3, 1.1, 0.6, 0.4, 0.4, 0.4, 0.3,
  0.2, 0.1,
];
const DAYTIME = [
  0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4, 0.7, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1, 0.9, 0.8, 0.6, 0.4, 0.2,
];

const at = (shape: readonly number[], hour: number): number => shape[hour] as number;

export const RHYTHMS: Readonly<Record<DemoTopicKey, TopicRhythm>> = {
  nightlife: {
    share: 0.28,
    hourOfWeek: table((weekday, hour) => {
      const night = hour >= 17 || hour < 6;
      const evening = hour < 6 ? (weekday + 6) % 7 : weekday;
      if (night) return at(NIGHT, hour) * (NIGHT_BY_EVENING[evening] as number);
      // Weekend mornings: the neighbours write about the night before.
      const morningAfter = hour >= 7 && hour <= 12 && isWeekend(weekday) ? 1.5 : 1;
      return at(NIGHT, hour) * 0.9 * morningAfter;
    }),
    season: (day) => 1 + 0.25 * wave(day, 190) - 0.15 * bump(day, 15, 12),
    feast: { carnaval: 3, kingsday: 2.5 },
  },
  broadband: {
    share: 0.17,
    hourOfWeek: table((weekday, hour) => at(OFFICE, hour) * (isWeekend(weekday) ? 0.55 : 1)),
    season: (day) => 1 + 0.12 * wave(day, 300),
    feast: {},
  },
  lighting: {
    share: 0.12,
    hourOfWeek: table((weekday, hour) => at(DARK, hour) * (isWeekend(weekday) ? 0.8 : 1)),
    // Long dark evenings in winter bring the complaints; in June hardly anyone notices a broken lamp.
    season: (day) => 1 + 0.6 * wave(day, 355),
    feast: {},
  },
  budget: {
    share: 0.1,
    hourOfWeek: table((weekday, hour) => at(EVENINGS, hour) * (isWeekend(weekday) ? 0.35 : 1)),
    // Spring memorandum in May, the budget itself in late October and November, quiet in the summer recess.
    season: (day) =>
      Math.max(0.2, 0.6 + 0.9 * bump(day, 140, 25) + 1.4 * bump(day, 305, 22) - 0.35 * bump(day, 210, 20)),
    feast: {},
  },
  service: {
    share: 0.2,
    hourOfWeek: table((weekday, hour) => at(DESK, hour) * (isWeekend(weekday) ? 0.25 : 1)),
    // Passports before the summer holidays, and January's new permits and waste passes.
    season: (day) => 1 + 0.35 * bump(day, 150, 30) + 0.2 * bump(day, 10, 10),
    feast: {},
  },
  city: {
    share: 0.13,
    hourOfWeek: table((weekday, hour) => at(DAYTIME, hour) * (isWeekend(weekday) ? 1.4 : 1)),
    season: (day) => 1 + 0.3 * wave(day, 200) + 0.5 * bump(day, 350, 8),
    feast: { kingsday: 3, carnaval: 1.5 },
  },
};

export const TOPIC_COUNT = DEMO_TOPIC_KEYS.length;

/** Mean of a topic's hour-of-week table, so that shares mean what they say. */
export function meanHourWeight(rhythm: TopicRhythm): number {
  let sum = 0;
  for (const value of rhythm.hourOfWeek) sum += value;
  return sum / rhythm.hourOfWeek.length;
}
