import type { AccountKind, DemoSentiment, DemoTopicKey } from '../../../resources/demo';
import type { MentionStatus } from '../../../shared/domain/mention';
import { DAY_MS, HOUR_MS } from './calendar';
import type { DemoIncident } from './incidents';
import type { DemoRandom } from './random';
import type { Register } from './text';

type Mix = Readonly<Record<DemoSentiment, number>>;

/** The usual mood per topic: service and broadband draw complaints, the city's events draw praise. */
const TOPIC_MIX: Readonly<Record<DemoTopicKey, Mix>> = {
  nightlife: { positive: 0.3, neutral: 0.35, negative: 0.35 },
  broadband: { positive: 0.2, neutral: 0.35, negative: 0.45 },
  lighting: { positive: 0.2, neutral: 0.35, negative: 0.45 },
  budget: { positive: 0.25, neutral: 0.5, negative: 0.25 },
  service: { positive: 0.25, neutral: 0.25, negative: 0.5 },
  city: { positive: 0.5, neutral: 0.35, negative: 0.15 },
};
const NEWS_MIX: Mix = { positive: 0.2, neutral: 0.55, negative: 0.25 };
/** Nightlife by day part: the night itself is cheerful, the morning after belongs to the neighbours. */
const NIGHT_MIX: Mix = { positive: 0.4, neutral: 0.35, negative: 0.25 };
const MORNING_AFTER_MIX: Mix = { positive: 0.15, neutral: 0.3, negative: 0.55 };

export function sentimentMix(
  topic: DemoTopicKey,
  incident: DemoIncident | null,
  register: Register,
  localHour: number,
): Mix {
  if (incident) {
    const rest = 1 - incident.negativeShare;
    return { negative: incident.negativeShare, neutral: rest * 0.7, positive: rest * 0.3 };
  }
  if (register === 'news') return NEWS_MIX;
  if (topic === 'nightlife') {
    if (localHour >= 6 && localHour <= 12) return MORNING_AFTER_MIX;
    if (localHour >= 21 || localHour <= 2) return NIGHT_MIX;
  }
  return TOPIC_MIX[topic];
}

/**
 * What an operator would want first: questions and complaints, strong negative feeling, large audiences,
 * the press, and anything during an incident. 0–100.
 */
export function priorityOf(
  label: DemoSentiment,
  score: number,
  question: boolean,
  reach: number,
  duringIncident: boolean,
  kind: 'person' | AccountKind,
  reply: boolean,
): number {
  let priority = 5;
  if (question) priority += 25;
  if (label === 'negative') priority += Math.round(25 * Math.abs(score));
  priority += Math.min(30, Math.round(7 * Math.log10(1 + reach)));
  if (duringIncident) priority += 10;
  if (kind === 'news' || kind === 'journalist') priority += 10;
  if (reply) priority -= 5;
  return Math.max(0, Math.min(100, priority));
}

/** Thresholds over a uniform draw: new, open, waiting, resolved, archived (the rest). */
const STATUS_BY_AGE: readonly { upTo: number; cumulative: readonly [number, number, number, number] }[] = [
  // The last hour: nobody has finished with these yet.
  { upTo: HOUR_MS, cumulative: [0.8, 0.95, 1, 1] },
  { upTo: 36 * HOUR_MS, cumulative: [0.72, 0.87, 0.92, 1] },
  { upTo: 7 * DAY_MS, cumulative: [0.3, 0.5, 0.62, 1] },
  { upTo: 30 * DAY_MS, cumulative: [0.06, 0.12, 0.16, 1] },
  { upTo: 180 * DAY_MS, cumulative: [0, 0, 0, 0.75] },
  { upTo: Infinity, cumulative: [0, 0, 0, 0.3] },
];
const STATUSES: readonly MentionStatus[] = ['new', 'open', 'waiting', 'resolved', 'archived'];
/** Chance that a mention in each status has someone assigned. */
const ASSIGNED: Readonly<Record<MentionStatus, number>> = {
  new: 0.04,
  open: 0.92,
  waiting: 0.92,
  resolved: 0.8,
  archived: 0.5,
  spam: 0,
};
/** Some operators carry more of the work than others. */
const OPERATOR_WEIGHTS = [5, 4, 3, 3, 2, 1];

/** Old mentions are mostly handled; today's are mostly new. */
export function describeStatus(
  age: number,
  random: DemoRandom,
  operators: readonly string[],
): { status: MentionStatus; assignee: string | null } {
  const band = STATUS_BY_AGE.find((entry) => age < entry.upTo)!;
  const draw = random.float();
  let index = 0;
  while (index < 4 && draw >= band.cumulative[index]!) index++;
  const status = STATUSES[index]!;
  if (!random.chance(ASSIGNED[status])) return { status, assignee: null };
  return { status, assignee: operators[pickOperator(random.float())] ?? null };
}

const OPERATOR_TOTAL = OPERATOR_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
function pickOperator(draw: number): number {
  let target = draw * OPERATOR_TOTAL;
  for (let i = 0; i < OPERATOR_WEIGHTS.length; i++) {
    target -= OPERATOR_WEIGHTS[i]!;
    if (target < 0) return i;
  }
  return OPERATOR_WEIGHTS.length - 1;
}
