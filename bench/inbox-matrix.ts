import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MethodInput, MethodName } from '../shared/api/contract';
import type { MentionFilter, MentionSort } from '../shared/api/inbox';
import { Engine } from '../electron/engine/engine';
import { callEngine } from '../electron/engine/testing/call';
import { filterCounts } from '../electron/engine/inbox/counts';
import { orderedIds } from '../electron/engine/inbox/order';
import { busiestAssignee } from './queries';

/**
 * Issue #5: a filter or sort change shows its first rows within 100 ms. For every filter shape the filter
 * bar can make (each single value, pairs of them, a query-language search) in each of the three sorts, the
 * first page (nothing cached: no counted total, no ordered list), then page 2 and page 50 of the same
 * snapshot asked for at once (the list not read yet). Reports the engine's CPU ms (the machine is shared,
 * wall ms hold the wait for a core), the p95 over the matrix and the worst shapes.
 *
 * BENCH_WORKSPACE=DIR (required): a workspace made with `watchpost demo --data DIR --mentions 1000000`.
 * BENCH_MATRIX=singles: only single filters (quicker). BENCH_PAGES=first: only first pages. BENCH_ONLY=TEXT:
 * only shapes whose name holds TEXT. BENCH_OUT=FILE: every sample as JSON. BENCH_MMAP=BYTES: sets
 * PRAGMA mmap_size on the bench's connection, to see what memory-mapped reads would change (the app does not).
 * Run: `BENCH_WORKSPACE=DIR npx tsx bench/inbox-matrix.ts`.
 */

interface Shape {
  name: string;
  filter: MentionFilter;
}

const SORTS: MentionSort[] = ['newest', 'oldest', 'priority'];
const PAGE = 100;
const UNTIL = Date.parse('2026-11-01T00:00:00Z');
const DAY = 86_400_000;
const isoDaysBefore = (days: number) => new Date(UNTIL - days * DAY).toISOString();

/** Each filter the bar offers, one value at a time (grouped by field, so pairs take one of two fields). */
function singles(topic: number | undefined): Record<string, Shape[]> {
  const one = (name: string, filter: MentionFilter): Shape => ({ name, filter });
  return {
    channel: ['x', 'facebook', 'instagram', 'forum', 'rss', 'bluesky', 'linkedin', 'youtube', 'mastodon'].map((c) =>
      one(`channel=${c}`, { channel: [c as 'x'] }),
    ),
    lang: (['nl', 'en', 'other'] as const).map((l) => one(`lang=${l}`, { lang: [l] })),
    sentiment: (['positive', 'neutral', 'negative'] as const).map((s) => one(`sentiment=${s}`, { sentiment: [s] })),
    status: [
      ...(['new', 'open', 'waiting', 'resolved', 'archived', 'spam'] as const).map((s) =>
        one(`status=${s}`, { status: [s] }),
      ),
      one('status=working', { status: ['new', 'open', 'waiting'] }),
    ],
    assignee: [one('assignee=$me', { assignee: ['$me'] }), one('assignee=$unassigned', { assignee: ['$unassigned'] })],
    priority: [one('priority>=70', { priorityMin: 70 }), one('priority>=40', { priorityMin: 40 })],
    period: [
      one('last 7 days', { from: isoDaysBefore(7) }),
      one('last 30 days', { from: isoDaysBefore(30) }),
      one('one month in 2023', { from: '2023-03-01T00:00:00.000Z', to: '2023-04-01T00:00:00.000Z' }),
    ],
    query: [
      one('query storing', { query: 'storing' }),
      one('query glasvezel OR internet', { query: 'glasvezel OR internet' }),
    ],
    ...(topic === undefined ? {} : { topic: [one(`topic=${topic}`, { topicId: [topic] })] }),
  };
}

/** For pairs: a common and a rare value of each field. */
const PAIR_PICKS: Record<string, string[]> = {
  channel: ['channel=x', 'channel=mastodon'],
  lang: ['lang=nl', 'lang=en'],
  sentiment: ['sentiment=positive', 'sentiment=negative'],
  status: ['status=new', 'status=resolved', 'status=working'],
  assignee: ['assignee=$me', 'assignee=$unassigned'],
  priority: ['priority>=70'],
  period: ['last 7 days', 'one month in 2023'],
  query: ['query storing'],
  topic: [],
};

export function shapes(topic: number | undefined, withPairs: boolean): Shape[] {
  const groups = singles(topic);
  const out = Object.values(groups).flat();
  if (!withPairs) return out;
  const fields = Object.keys(groups);
  const byName = new Map(out.map((s) => [s.name, s]));
  const picks = (field: string) =>
    (PAIR_PICKS[field]?.length ? PAIR_PICKS[field] : (groups[field] ?? []).map((s) => s.name)) as string[];
  for (let i = 0; i < fields.length; i++) {
    for (let j = i + 1; j < fields.length; j++) {
      for (const a of picks(fields[i] as string)) {
        for (const b of picks(fields[j] as string)) {
          const left = byName.get(a) as Shape;
          const right = byName.get(b) as Shape;
          out.push({ name: `${a} + ${b}`, filter: { ...left.filter, ...right.filter } });
        }
      }
    }
  }
  return out;
}

function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { samples: values.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

interface Sample {
  shape: string;
  sort: MentionSort;
  page: 1 | 2 | 50;
  cpuMs: number;
  ms: number;
  total: number;
  totalIsEstimate: boolean;
}

export async function benchInboxMatrix(): Promise<Record<string, unknown>> {
  const dir = process.env.BENCH_WORKSPACE;
  if (!dir || !existsSync(path.join(dir, 'watchpost.db'))) {
    throw new Error('BENCH_WORKSPACE must name a workspace folder with a watchpost.db (watchpost demo --data DIR)');
  }
  const engine = Engine.open({ dataDir: dir, log: () => {} });
  if (process.env.BENCH_MMAP) engine.db.pragma(`mmap_size = ${Number(process.env.BENCH_MMAP)}`);
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callEngine(engine, method, input);
  try {
    const operator = busiestAssignee(engine);
    const topic = engine.db
      .prepare('SELECT topic_id FROM mention_topics GROUP BY topic_id ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as number | undefined;
    const only = process.env.BENCH_ONLY;
    const all = shapes(topic, process.env.BENCH_MATRIX !== 'singles').filter((s) => !only || s.name.includes(only));
    const results: Record<string, unknown> = {
      mentions: (await call('workspace.stats', {})).mentions,
      operator,
      topic: topic ?? null,
      shapes: all.length * SORTS.length,
      loadBefore: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      mmapSize: engine.db.pragma('mmap_size', { simple: true }),
    };
    const samples: Sample[] = [];
    const firstOnly = process.env.BENCH_PAGES === 'first';
    const measure = async (
      shape: string,
      sort: MentionSort,
      page: Sample['page'],
      input: MethodInput<'mentions.list'>,
    ) => {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      const out = await call('mentions.list', input);
      const ms = performance.now() - wall;
      const used = process.cpuUsage(cpu);
      samples.push({
        shape,
        sort,
        page,
        cpuMs: (used.user + used.system) / 1000,
        ms,
        total: out.total,
        totalIsEstimate: out.totalIsEstimate,
      });
      return out;
    };
    for (const shape of all) {
      for (const sort of SORTS) {
        // A filter change: nothing of this filter is known yet.
        filterCounts(engine.db).clear();
        orderedIds(engine.db).clear();
        const first = await measure(shape.name, sort, 1, { filter: shape.filter, sort, limit: PAGE, operator });
        if (firstOnly) continue;
        const snapshot = { ...shape.filter, maxId: first.maxId };
        await measure(shape.name, sort, 2, { filter: snapshot, sort, offset: PAGE, limit: PAGE, operator });
        await measure(shape.name, sort, 50, { filter: snapshot, sort, offset: 49 * PAGE, limit: PAGE, operator });
      }
    }
    orderedIds(engine.db).clear();
    const of = (page: Sample['page']) => samples.filter((s) => s.page === page);
    for (const page of [1, 2, 50] as const) {
      results[`page${page}CpuMs`] = quantiles(of(page).map((s) => s.cpuMs));
      results[`page${page}Ms`] = quantiles(of(page).map((s) => s.ms));
    }
    results.allPagesCpuMs = quantiles(samples.map((s) => s.cpuMs));
    results.worstFirstPages = of(1)
      .sort((a, b) => b.cpuMs - a.cpuMs)
      .slice(0, 15)
      .map(
        (s) =>
          `${s.cpuMs.toFixed(1)} cpu ms  ${s.ms.toFixed(1)} ms  ${s.shape} (${s.sort})  total ${s.total}${s.totalIsEstimate ? '~' : ''}`,
      );
    results.worstLaterPages = samples
      .filter((s) => s.page !== 1)
      .sort((a, b) => b.cpuMs - a.cpuMs)
      .slice(0, 10)
      .map((s) => `${s.cpuMs.toFixed(1)} cpu ms  ${s.ms.toFixed(1)} ms  ${s.shape} (${s.sort}) page ${s.page}`);
    results.loadAfter = Math.round((loadavg()[0] ?? 0) * 100) / 100;
    if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(samples));
    return results;
  } finally {
    engine.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchInboxMatrix().then(
    (result) => process.stdout.write(`${JSON.stringify({ 'inbox-matrix': result }, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
