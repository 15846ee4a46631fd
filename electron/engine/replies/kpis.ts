import type { z } from 'zod';
import type { KpiFigures, KpiInput, KpiReport } from '../../../shared/api/replies';
import { WatchpostError } from '../../../shared/api/result';
import type { Db } from '../store/db';

/**
 * First-response and resolution times for trends and reports: per mention created in the period,
 * first response = first_response_at − created_at, resolution = resolved_at − created_at. Medians,
 * 90th percentiles and the share within target, for the whole period, per day/week/month bucket (in the
 * workspace time zone) and per operator who sent the first reply.
 */

interface Row {
  created_at: number;
  first_response_at: number | null;
  resolved_at: number | null;
  operator: string | null;
}

function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? null;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

function figures(durations: number[], targetMs: number) {
  const sorted = durations.sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianMs: median(sorted),
    p90Ms: percentile(sorted, 0.9),
    withinTarget: sorted.length ? sorted.filter((ms) => ms <= targetMs).length / sorted.length : null,
  };
}

function summarise(rows: readonly Row[], firstTargetMs: number, resolutionTargetMs: number): KpiFigures {
  const first: number[] = [];
  const resolved: number[] = [];
  for (const row of rows) {
    if (row.first_response_at !== null) first.push(Math.max(0, row.first_response_at - row.created_at));
    if (row.resolved_at !== null) resolved.push(Math.max(0, row.resolved_at - row.created_at));
  }
  return {
    firstResponse: figures(first, firstTargetMs),
    resolution: figures(resolved, resolutionTargetMs),
    mentions: rows.length,
  };
}

/** The UTC offset (ms) of a time zone at an instant. */
function offsetAt(ms: number, formatter: Intl.DateTimeFormat): number {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour) % 24,
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The first instant of the day, ISO week (from Monday) or month that contains `ms`, in the time zone. */
export function bucketStart(ms: number, bucket: 'day' | 'week' | 'month', formatter: Intl.DateTimeFormat): number {
  const local = new Date(ms + offsetAt(ms, formatter));
  let y = local.getUTCFullYear();
  let m = local.getUTCMonth();
  let d = local.getUTCDate();
  if (bucket === 'month') d = 1;
  if (bucket === 'week') {
    const monday = new Date(Date.UTC(y, m, d - ((local.getUTCDay() + 6) % 7)));
    [y, m, d] = [monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate()];
  }
  const wallMidnight = Date.UTC(y, m, d);
  // The offset at local midnight may differ from the one at `ms` (daylight saving): settle it in two steps.
  const guess = wallMidnight - offsetAt(wallMidnight, formatter);
  return wallMidnight - offsetAt(guess, formatter);
}

export function responseKpis(db: Db, input: z.output<typeof KpiInput>): KpiReport {
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  if (!(to > from)) throw new WatchpostError('invalid_input', 'to: must be after from');
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: input.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new WatchpostError(
      'invalid_input',
      `timeZone: "${input.timeZone}" is not a time zone (e.g. Europe/Amsterdam)`,
    );
  }
  const where = ['m.created_at >= ?', 'm.created_at < ?'];
  const params: (string | number)[] = [from, to];
  if (input.channel?.length) {
    where.push(`m.channel IN (${input.channel.map(() => '?').join(', ')})`);
    params.push(...input.channel);
  }
  const rows = db
    .prepare(
      `SELECT m.created_at, m.first_response_at, m.resolved_at,
         (SELECT r.operator FROM replies r WHERE r.mention_id = m.id AND r.state = 'sent' ORDER BY r.sent_at, r.id LIMIT 1) AS operator
       FROM mentions m WHERE ${where.join(' AND ')}`,
    )
    .all(...params) as Row[];
  const scoped = input.operator ? rows.filter((row) => row.operator === input.operator) : rows;
  const firstTarget = input.firstResponseTargetMinutes * 60_000;
  const resolutionTarget = input.resolutionTargetMinutes * 60_000;

  const buckets = new Map<number, Row[]>();
  for (const row of scoped) {
    const start = bucketStart(row.created_at, input.bucket, formatter);
    const list = buckets.get(start);
    if (list) list.push(row);
    else buckets.set(start, [row]);
  }
  const byOperator = new Map<string, Row[]>();
  for (const row of scoped) {
    if (row.operator === null) continue;
    const list = byOperator.get(row.operator);
    if (list) list.push(row);
    else byOperator.set(row.operator, [row]);
  }
  return {
    total: summarise(scoped, firstTarget, resolutionTarget),
    buckets: [...buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(([start, list]) => ({
        start: new Date(start).toISOString(),
        ...summarise(list, firstTarget, resolutionTarget),
      })),
    byOperator: [...byOperator.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operator, list]) => ({ operator, ...summarise(list, firstTarget, resolutionTarget) })),
  };
}
