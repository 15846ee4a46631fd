import { z } from 'zod';
import type {
  Annotation,
  Bucket,
  CompareMode,
  Granularity,
  HeatmapPanel,
  InboxFilter,
  ResponsesInput,
  SentimentPanel,
  ShareOfVoicePanel,
  SignalOverlay,
  TrendFilter,
  TrendRange,
  VolumeInput,
  VolumePanel,
} from '../../../shared/api/trends';
import { WatchpostError } from '../../../shared/api/result';
import { chooseGranularity } from '../../../shared/trends/granularity';
import { median } from '../../../shared/trends/stats';
import { bucketOf, bucketStart, zoneOffsetMs } from '../../../shared/trends/time';
import type { Db } from '../store/db';
import {
  filterSql,
  hourOfWeekRange,
  sumRange,
  zeroSums,
  type BucketSums,
  type GroupBy,
  type Measure,
  type Sums,
} from './range';
import { listAnnotations } from './annotations';
import { signalOverlay } from './signals';

/** The panels of the trends page, read from the rollups (see range.ts). */

type ParsedRange = z.output<typeof TrendRange>;

const iso = (ms: number): string => new Date(ms).toISOString();

interface Axis {
  granularity: Granularity;
  fromMs: number;
  toMs: number;
  ids: number[];
  buckets: Bucket[];
}

/** The range's buckets at its granularity (given or chosen). */
export function axisOf(fromMs: number, toMs: number, granularity?: Granularity): Axis {
  if (!(toMs > fromMs))
    throw new WatchpostError('invalid_input', `the period ends (${iso(toMs)}) before it starts (${iso(fromMs)})`);
  const g = granularity ?? chooseGranularity(fromMs, toMs);
  const first = bucketOf(g, fromMs);
  const last = bucketOf(g, toMs - 1);
  if (last - first >= 20_000)
    throw new WatchpostError(
      'invalid_input',
      `${last - first + 1} ${g} buckets is too many: pick a coarser granularity`,
    );
  const ids: number[] = [];
  const buckets: Bucket[] = [];
  // A bucket's end is the next one's start: each instant is computed and written once.
  let start = iso(fromMs);
  for (let b = first; b <= last; b++) {
    const end = b === last ? iso(toMs) : iso(bucketStart(g, b + 1));
    ids.push(b);
    buckets.push({ start, end });
    start = end;
  }
  return { granularity: g, fromMs, toMs, ids, buckets };
}

/** The comparison period of a range: the one just before, or the same dates a year earlier (local time). */
export function comparePeriod(fromMs: number, toMs: number, mode: CompareMode): { fromMs: number; toMs: number } {
  if (mode === 'previous') return { fromMs: fromMs - (toMs - fromMs), toMs: fromMs };
  const yearEarlier = (ms: number) => {
    const local = new Date(ms + zoneOffsetMs(ms));
    local.setUTCFullYear(local.getUTCFullYear() - 1);
    const guess = local.getTime() - zoneOffsetMs(local.getTime());
    return local.getTime() - zoneOffsetMs(guess);
  };
  return { fromMs: yearEarlier(fromMs), toMs: yearEarlier(toMs) };
}

/** The inbox filter of a trend filter (empty lists left out), plus extra fields. */
export function inboxOf(filter: TrendFilter, extra: Partial<InboxFilter> = {}): InboxFilter {
  const out: InboxFilter = {};
  if (filter.channel.length) out.channel = [...filter.channel];
  if (filter.lang.length) out.lang = [...filter.lang];
  if (filter.topicId.length) out.topicId = [...filter.topicId];
  return { ...out, ...extra };
}

function totals(axis: Axis, sums: BucketSums): Sums[] {
  return axis.ids.map((id) => {
    const total = zeroSums();
    for (const s of sums.get(id)?.values() ?? [])
      for (const k of Object.keys(total) as (keyof Sums)[]) total[k] += s[k];
    return total;
  });
}

function read(
  db: Db,
  axis: Axis,
  filter: TrendFilter,
  groupBy: GroupBy,
  measures: readonly Measure[] = ['n'],
): BucketSums {
  return sumRange(db, axis.granularity, axis.fromMs, axis.toMs, filter, groupBy, measures);
}

function context(
  db: Db,
  axis: Axis,
  signalId: number | undefined,
  measure: (number | null)[],
): { annotations: Annotation[]; signal: SignalOverlay | null } {
  return {
    annotations: listAnnotations(db, axis.fromMs, axis.toMs),
    signal: signalId === undefined ? null : signalOverlay(db, signalId, axis, measure),
  };
}

function parseRange(input: ParsedRange): { fromMs: number; toMs: number } {
  return { fromMs: Date.parse(input.from), toMs: Date.parse(input.to) };
}

interface TopicInfo {
  id: number;
  name: string;
  colour: string;
}

function topicsOf(db: Db): Map<number, TopicInfo> {
  const rows = db.prepare('SELECT id, name, colour FROM topics ORDER BY name').all() as TopicInfo[];
  return new Map(rows.map((t) => [t.id, t]));
}

/** Per topic id: per bucket counts, from sums grouped by topic set (a mention counts for each of its topics). */
function splitTopics(axis: Axis, sums: BucketSums, only: Set<number> | null): Map<number, number[]> {
  const out = new Map<number, number[]>();
  axis.ids.forEach((id, i) => {
    for (const [set, s] of sums.get(id) ?? []) {
      for (const part of set.split(',')) {
        if (!part) continue;
        const topic = Number(part);
        if (only && !only.has(topic)) continue;
        let values = out.get(topic);
        if (!values) out.set(topic, (values = new Array<number>(axis.ids.length).fill(0)));
        values[i]! += s.n;
      }
    }
  });
  return out;
}

/** Volume over time, stacked by channel or topic. */
export function volumePanel(db: Db, input: z.output<typeof VolumeInput>): VolumePanel {
  const { fromMs, toMs } = parseRange(input);
  const axis = axisOf(fromMs, toMs, input.granularity);
  const groupBy: GroupBy = input.stackBy === 'channel' ? 'channel' : input.stackBy === 'topic' ? 'topics' : null;
  const sums = read(db, axis, input.filter, groupBy);
  const total = totals(axis, sums).map((s) => s.n);
  let series: VolumePanel['series'];
  if (input.stackBy === 'channel') {
    const channels = new Set<string>();
    for (const groups of sums.values()) for (const [channel, s] of groups) if (s.n) channels.add(channel);
    series = [...channels].sort().map((channel) => ({
      key: channel,
      label: channel,
      colour: null,
      values: axis.ids.map((id) => sums.get(id)?.get(channel)?.n ?? 0),
      inbox: inboxOf(input.filter, { channel: [channel as NonNullable<InboxFilter['channel']>[number]] }),
    }));
  } else if (input.stackBy === 'topic') {
    const topics = topicsOf(db);
    const only = input.filter.topicId.length ? new Set(input.filter.topicId) : null;
    series = [...splitTopics(axis, sums, only)]
      .filter(([id]) => topics.has(id))
      .map(([id, values]) => ({
        key: String(id),
        label: topics.get(id)!.name,
        colour: topics.get(id)!.colour,
        values,
        inbox: inboxOf(input.filter, { topicId: [id] }),
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  } else {
    series = [{ key: 'total', label: 'total', colour: null, values: total, inbox: inboxOf(input.filter) }];
  }
  let compare: VolumePanel['compare'] = null;
  if (input.compare) {
    const period = comparePeriod(fromMs, toMs, input.compare);
    const cAxis = axisOf(period.fromMs, period.toMs, axis.granularity);
    compare = {
      mode: input.compare,
      from: iso(period.fromMs),
      to: iso(period.toMs),
      buckets: cAxis.buckets,
      total: totals(cAxis, read(db, cAxis, input.filter, null)).map((s) => s.n),
    };
  }
  return {
    granularity: axis.granularity,
    buckets: axis.buckets,
    ...context(db, axis, input.signalId, total),
    series,
    total,
    inbox: inboxOf(input.filter),
    compare,
  };
}

const SENTIMENT_SUMS: readonly Measure[] = ['n', 'positive', 'neutral', 'negative'];
const net = (s: Sums): number | null => (s.n ? (s.positive - s.negative) / s.n : null);
const mixOf = (list: Sums[]) => {
  const all = zeroSums();
  for (const s of list) for (const k of Object.keys(all) as (keyof Sums)[]) all[k] += s[k];
  return {
    positive: all.positive,
    neutral: all.neutral,
    negative: all.negative,
    unscored: all.n - all.positive - all.neutral - all.negative,
  };
};

/** Net sentiment over time with volume behind it, and the mix. */
export function sentimentPanel(db: Db, input: ParsedRange & { signalId?: number }): SentimentPanel {
  const { fromMs, toMs } = parseRange(input);
  const axis = axisOf(fromMs, toMs, input.granularity);
  const list = totals(axis, read(db, axis, input.filter, null, SENTIMENT_SUMS));
  const netValues = list.map(net);
  let compare: SentimentPanel['compare'] = null;
  if (input.compare) {
    const period = comparePeriod(fromMs, toMs, input.compare);
    const cAxis = axisOf(period.fromMs, period.toMs, axis.granularity);
    const cList = totals(cAxis, read(db, cAxis, input.filter, null, SENTIMENT_SUMS));
    compare = {
      mode: input.compare,
      from: iso(period.fromMs),
      to: iso(period.toMs),
      buckets: cAxis.buckets,
      net: cList.map(net),
      total: cList.map((s) => s.n),
      mix: mixOf(cList),
    };
  }
  return {
    granularity: axis.granularity,
    buckets: axis.buckets,
    ...context(db, axis, input.signalId, netValues),
    positive: list.map((s) => s.positive),
    neutral: list.map((s) => s.neutral),
    negative: list.map((s) => s.negative),
    unscored: list.map((s) => s.n - s.positive - s.neutral - s.negative),
    total: list.map((s) => s.n),
    net: netValues,
    mix: mixOf(list),
    inbox: inboxOf(input.filter),
    compare,
  };
}

/** Share of voice between topics (the filter's topics, or all). */
export function shareOfVoicePanel(db: Db, input: ParsedRange): ShareOfVoicePanel {
  const { fromMs, toMs } = parseRange(input);
  const axis = axisOf(fromMs, toMs, input.granularity);
  const topics = topicsOf(db);
  const chosen = input.filter.topicId.length ? input.filter.topicId.filter((id) => topics.has(id)) : [...topics.keys()];
  const only = new Set(chosen);
  const perTopic = splitTopics(axis, read(db, axis, input.filter, 'topics'), only);
  const totalsOf = (values: number[] | undefined) => (values ?? []).reduce((a, b) => a + b, 0);
  const sum = chosen.reduce((s, id) => s + totalsOf(perTopic.get(id)), 0);
  let previous: Map<number, number[]> | null = null;
  let previousSum = 0;
  let compare: ShareOfVoicePanel['compare'] = null;
  if (input.compare) {
    const period = comparePeriod(fromMs, toMs, input.compare);
    const cAxis = axisOf(period.fromMs, period.toMs, axis.granularity);
    previous = splitTopics(cAxis, read(db, cAxis, input.filter, 'topics'), only);
    previousSum = chosen.reduce((s, id) => s + totalsOf(previous!.get(id)), 0);
    compare = { mode: input.compare, from: iso(period.fromMs), to: iso(period.toMs), buckets: cAxis.buckets };
  }
  return {
    granularity: axis.granularity,
    buckets: axis.buckets,
    ...context(db, axis, undefined, []),
    topics: chosen.map((id) => {
      const total = totalsOf(perTopic.get(id));
      const prev = previous ? totalsOf(previous.get(id)) : null;
      return {
        topicId: id,
        name: topics.get(id)!.name,
        colour: topics.get(id)!.colour,
        total,
        share: sum ? total / sum : 0,
        previousTotal: prev,
        previousShare: prev === null ? null : previousSum ? prev / previousSum : 0,
        values: perTopic.get(id) ?? new Array<number>(axis.ids.length).fill(0),
        inbox: inboxOf({ ...input.filter, topicId: [id] }),
      };
    }),
    compare,
  };
}

/** Mentions per local hour of the week. */
export function heatmapPanel(db: Db, input: ParsedRange): HeatmapPanel {
  const { fromMs, toMs } = parseRange(input);
  axisOf(fromMs, toMs, 'month');
  const cells = hourOfWeekRange(db, fromMs, toMs, input.filter);
  let compare: HeatmapPanel['compare'] = null;
  if (input.compare) {
    const period = comparePeriod(fromMs, toMs, input.compare);
    compare = {
      mode: input.compare,
      from: iso(period.fromMs),
      to: iso(period.toMs),
      cells: hourOfWeekRange(db, period.fromMs, period.toMs, input.filter),
    };
  }
  const flat = cells.flat();
  return {
    timeZone: 'Europe/Amsterdam',
    cells,
    max: Math.max(0, ...flat),
    total: flat.reduce((a, b) => a + b, 0),
    compare,
  };
}

/** Exact first-response times (minutes) of replied mentions created in a range. */
function responseMinutes(db: Db, fromMs: number, toMs: number, filter: TrendFilter): number[] {
  const where = filterSql(filter, 'mentions');
  const rows = db
    .prepare(
      `SELECT m.first_response_at - m.created_at AS ms FROM mentions m INDEXED BY mentions_replied
       WHERE m.first_response_at IS NOT NULL AND m.created_at >= ? AND m.created_at < ? AND ${where.sql}`,
    )
    .raw()
    .all(fromMs, toMs, ...where.params) as [number][];
  return rows.map(([ms]) => ms / 60_000);
}

function kpis(minutes: number[], target: number) {
  return {
    replied: minutes.length,
    medianMinutes: median(minutes),
    meanMinutes: minutes.length ? minutes.reduce((a, b) => a + b, 0) / minutes.length : null,
    withinTarget: minutes.length ? minutes.filter((m) => m <= target).length / minutes.length : null,
  };
}

/** Sent replies per operator in a range, when the replies table exists. */
function repliesPerOperator(db: Db, fromMs: number, toMs: number): { operator: string; replies: number }[] {
  const columns = db.prepare(`SELECT name FROM pragma_table_info('replies')`).all() as { name: string }[];
  const names = new Set(columns.map((c) => c.name));
  if (!names.has('operator') || !names.has('sent_at')) return [];
  return db
    .prepare(
      `SELECT operator, count(*) AS replies FROM replies WHERE sent_at >= ? AND sent_at < ? AND operator IS NOT NULL
       GROUP BY operator ORDER BY replies DESC, operator`,
    )
    .all(fromMs, toMs) as { operator: string; replies: number }[];
}

/** First-response KPIs over time and per operator. */
export function responsesPanel(
  db: Db,
  input: z.output<typeof ResponsesInput>,
): import('../../../shared/api/trends').ResponsesPanel {
  const { fromMs, toMs } = parseRange(input);
  const axis = axisOf(fromMs, toMs, input.granularity);
  const list = totals(axis, read(db, axis, input.filter, null, ['replied', 'response_sum']));
  const meanMinutes = list.map((s) => (s.replied ? s.response_sum / s.replied / 60_000 : null));
  let compare: import('../../../shared/api/trends').ResponsesPanel['compare'] = null;
  if (input.compare) {
    const period = comparePeriod(fromMs, toMs, input.compare);
    const cAxis = axisOf(period.fromMs, period.toMs, axis.granularity);
    compare = {
      mode: input.compare,
      from: iso(period.fromMs),
      to: iso(period.toMs),
      buckets: cAxis.buckets,
      kpis: kpis(responseMinutes(db, period.fromMs, period.toMs, input.filter), input.targetMinutes),
    };
  }
  return {
    granularity: axis.granularity,
    buckets: axis.buckets,
    ...context(db, axis, input.signalId, meanMinutes),
    targetMinutes: input.targetMinutes,
    kpis: kpis(responseMinutes(db, fromMs, toMs, input.filter), input.targetMinutes),
    replied: list.map((s) => s.replied),
    meanMinutes,
    perOperator: repliesPerOperator(db, fromMs, toMs),
    compare,
  };
}
