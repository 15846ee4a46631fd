import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MethodInput, MethodName } from '../shared/api/contract';
import type { MentionFilter, MentionSort } from '../shared/api/inbox';
import { Engine } from '../electron/engine/engine';
import { callEngine } from '../electron/engine/testing/call';
import { filterCounts } from '../electron/engine/inbox/counts';
import { orderedIds } from '../electron/engine/inbox/order';

/**
 * Issue #5, the engine's side: a page of the inbox anywhere in a list of a million mentions within 30 ms
 * (p95). For each view: the first page (the list's ordered ids not read yet), the time until the ids are
 * read to the end (inbox.count waits for it), then pages at random offsets (what a scrollbar jump asks).
 * Then the jump right after a first page, before the list is read in the background (the operator drags the
 * scrollbar at once): each sample forgets the lists and totals, reads the first page, and asks for a page at
 * a random offset within the first page's total (`jumpCpuMs`). Reports wall ms and the engine's CPU ms, with
 * the load average (the machine is shared).
 *
 * BENCH_WORKSPACE=DIR (required): a workspace made with `watchpost demo --data DIR --mentions 1000000`.
 * Run: `BENCH_WORKSPACE=DIR npx tsx bench/inbox-pages.ts`.
 */

const VIEWS: { name: string; filter: MentionFilter; sort: MentionSort }[] = [
  { name: 'all newest', filter: {}, sort: 'newest' },
  { name: 'all oldest', filter: {}, sort: 'oldest' },
  { name: 'all by priority', filter: {}, sort: 'priority' },
  { name: 'negative newest', filter: { sentiment: ['negative'] }, sort: 'newest' },
  { name: 'x newest', filter: { channel: ['x'] }, sort: 'newest' },
  { name: 'positive nl newest', filter: { sentiment: ['positive'], lang: ['nl'] }, sort: 'newest' },
  { name: 'resolved + archived by priority', filter: { status: ['resolved', 'archived'] }, sort: 'priority' },
  { name: 'working set by priority', filter: { status: ['new', 'open', 'waiting'] }, sort: 'priority' },
];

const PAGES_PER_VIEW = 60;
/** Jumps right after a first page, per view (each reads a first page too). */
const JUMPS_PER_VIEW = 15;

function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) / 100;
  return { samples: values.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}

export async function benchInboxPages(): Promise<Record<string, unknown>> {
  const dir = process.env.BENCH_WORKSPACE;
  if (!dir || !existsSync(path.join(dir, 'watchpost.db'))) {
    throw new Error('BENCH_WORKSPACE must name a workspace folder with a watchpost.db (watchpost demo --data DIR)');
  }
  const engine = Engine.open({ dataDir: dir, log: () => {} });
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callEngine(engine, method, input);
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  try {
    const results: Record<string, unknown> = {
      mentions: (await call('workspace.stats', {})).mentions,
      loadBefore: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    };
    const allPages: number[] = [];
    const allCpu: number[] = [];
    const allJumps: number[] = [];
    const allJumpCpu: number[] = [];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const view of VIEWS) {
      // Nothing of the view before: inbox.count then reads this view's own list to the end (it waits for any
      // list of the filter, which could be another sort's, left by the view before).
      filterCounts(engine.db).clear();
      orderedIds(engine.db).clear();
      let wall = performance.now();
      let cpu = cpuMs();
      const first = await call('mentions.list', { filter: view.filter, sort: view.sort, limit: 100 });
      const firstPage = { ms: performance.now() - wall, cpuMs: cpuMs() - cpu };
      wall = performance.now();
      cpu = cpuMs();
      const snapshot = { ...view.filter, maxId: first.maxId };
      const { total } = await call('inbox.count', { filter: snapshot });
      const listed = { ms: performance.now() - wall, cpuMs: cpuMs() - cpu };
      const pages: number[] = [];
      const cpus: number[] = [];
      for (let i = 0; i < PAGES_PER_VIEW; i++) {
        const offset = Math.floor(random() * Math.max(1, total - 100));
        wall = performance.now();
        cpu = cpuMs();
        await call('mentions.list', { filter: snapshot, sort: view.sort, offset, limit: 100 });
        pages.push(performance.now() - wall);
        cpus.push(cpuMs() - cpu);
      }
      allPages.push(...pages);
      allCpu.push(...cpus);
      const jumps: number[] = [];
      const jumpCpus: number[] = [];
      for (let i = 0; i < JUMPS_PER_VIEW; i++) {
        filterCounts(engine.db).clear();
        orderedIds(engine.db).clear();
        const page = await call('mentions.list', { filter: view.filter, sort: view.sort, limit: 100 });
        const offset = Math.floor(random() * Math.max(1, page.total - 100));
        wall = performance.now();
        cpu = cpuMs();
        await call('mentions.list', {
          filter: { ...view.filter, maxId: page.maxId },
          sort: view.sort,
          offset,
          limit: 100,
        });
        jumps.push(performance.now() - wall);
        jumpCpus.push(cpuMs() - cpu);
      }
      allJumps.push(...jumps);
      allJumpCpu.push(...jumpCpus);
      results[view.name] = {
        total,
        firstPageMs: Math.round(firstPage.ms * 10) / 10,
        firstPageCpuMs: Math.round(firstPage.cpuMs * 10) / 10,
        idsReadMs: Math.round(listed.ms),
        idsReadCpuMs: Math.round(listed.cpuMs),
        randomPageMs: quantiles(pages),
        randomPageCpuMs: quantiles(cpus),
        jumpMs: quantiles(jumps),
        jumpCpuMs: quantiles(jumpCpus),
      };
    }
    results.randomPageMs = { ...quantiles(allPages), budgetP95: 30 };
    results.randomPageCpuMs = quantiles(allCpu);
    results.jumpMs = quantiles(allJumps);
    results.jumpCpuMs = quantiles(allJumpCpu);
    results.loadAfter = Math.round((loadavg()[0] ?? 0) * 100) / 100;
    return results;
  } finally {
    engine.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchInboxPages().then(
    (result) => process.stdout.write(`${JSON.stringify({ 'inbox-pages': result }, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
