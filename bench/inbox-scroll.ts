import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openSession } from '../tests/e2e/support/browser';
import { requireBuild } from '../tests/e2e/support/host';
import { addStyleSheet } from './page-css';

/**
 * Issue #5: scrolling the inbox from top to bottom at scale shows no blank rows for longer than a frame,
 * and a filter or sort change shows the first rows within 100 ms. Measured against the built app
 * (`npx electron-vite build` first) served by `watchpost serve`, in Chromium at 1440×900:
 *
 * - scrolling with End, with PageDown, with j held down (30 presses a second, a key repeat) and by dragging
 *   the scrollbar from top to bottom. A frame monitor in the page looks at every animation frame: a row on
 *   screen without its data (a loading placeholder) is blank; a blank flash is a row blank for two frames
 *   or more. Reported: frames, frames with a blank row, flashes, the longest flash (ms and frames);
 * - 60 jumps to places anywhere in the list in 2 s (clicks in the scrollbar's track), measured the same way;
 * - the time from a sort change (select) or a filter change (the address, as a chip or a link does it) to
 *   the painted frame that shows the new list's first rows (until its rendering is done; before 2026-11-28 this
 *   stopped at that frame's animation-frame callback, before its style, layout and paint), split into: until the
 *   new list's first page is asked for, its round trip (engine + transport), and after it (the renderer drawing
 *   the rows).
 *
 * Every phase reports its wall seconds, the CPU seconds of the engine process (`watchpost serve`) and of the
 * browser's processes, the load average, and the calls the engine itself logged as slow (over 100 ms): the
 * machine is shared, so wall times alone say little. BENCH_SCROLL_CHANGES=n runs the sort and filter changes
 * n times over (default once: six of each); BENCH_SCROLL_CHANGE_GAP_MS=n waits n ms after each (see CHANGE_GAP_MS).
 *
 * BENCH_SCROLL_PHASES=end,pageDown,holdJ,scrollbar,scrollJumps,sortChange,filterChange,roundTrip picks phases (default all).
 *
 * BENCH_SCROLL_TRACE=1 records a Chromium trace over the sort and filter changes and adds `afterPageTrace`: where
 * the renderer's main thread spent the time between the first page's answer and the end of the frame with its rows,
 * its paint included (before 2026-11-29 this stopped at that frame's animation-frame callback; the
 * tracing itself slows the page, so the other figures of such a run are not comparable; the page's change event is
 * marked `bench:changeEvent`, and BENCH_SCROLL_TRACE_FILE=path keeps the trace); BENCH_SCROLL_TRACE=jumps
 * traces the scrollbar jumps instead and adds `jumpsTrace`, the main thread's self time over the whole phase.
 * BENCH_SCROLL_TRACE_CATEGORIES=a,b adds trace categories to either (see TRACE_CATEGORIES).
 *
 * BENCH_SCROLL_CSS='<rules>' adds a stylesheet to the page once it has opened (tries a CSS change without a build).
 *
 * BENCH_WORKSPACE=DIR uses that workspace as it is (made once with `watchpost demo --data DIR`); otherwise
 * a demo of BENCH_SCROLL_MENTIONS (default 500,000) is made in a temp folder and removed after.
 */

const CLI = path.resolve('out/main/cli.js');
const URL_LINE = /Watchpost is running at (http:\/\/127\.0\.0\.1:\d+)/;

interface FrameReport {
  frames: number;
  blankFrames: number;
  /** Milliseconds during which some row on screen was blank. */
  blankMs: number;
  flashes: number;
  longestFlashMs: number;
  longestFlashFrames: number;
  /** Frames where the visible part of the list was not covered by rows at all (the virtualiser lagging). */
  gapFrames: number;
}

function run(command: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command.slice(1).join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

/** The engine's own "slow call" lines (a call over 100 ms inside the engine) since the last phase took them. */
const slowCalls: string[] = [];
const SLOW_CALL = /slow call: (\S+) took (\d+) ms/g;

async function serve(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`watchpost serve printed no URL within 120 s: ${out}`)), 120_000);
    const read = (chunk: string) => {
      out += chunk;
      for (const [, method, ms] of chunk.matchAll(SLOW_CALL)) slowCalls.push(`${method} ${ms} ms`);
      const found = URL_LINE.exec(out)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('exit', (code) => reject(new Error(`watchpost serve exited with ${code}: ${out}`)));
  });
  return { url, child };
}

/**
 * The frame monitor, as page source (a function passed to page.evaluate would carry the bundler's helpers
 * with it): every animation frame it notes the rows on screen that are still loading placeholders.
 */
const MONITOR = `(() => {
  if (window.inboxMonitor) window.inboxMonitor.stop = true;
  const report = { frames: 0, blankFrames: 0, blankMs: 0, flashes: 0, longestFlashMs: 0, longestFlashFrames: 0, gapFrames: 0 };
  let previous = null;
  const monitor = { stop: false, report };
  window.inboxMonitor = monitor;
  const blank = new Map();
  const end = (index, now) => {
    const was = blank.get(index);
    if (!was) return;
    blank.delete(index);
    if (was.frames >= 2) {
      report.flashes += 1;
      report.longestFlashMs = Math.max(report.longestFlashMs, Math.round(now - was.since));
      report.longestFlashFrames = Math.max(report.longestFlashFrames, was.frames);
    }
  };
  const frame = (now) => {
    if (monitor.stop) {
      for (const index of [...blank.keys()]) end(index, now);
      return;
    }
    const grid = document.querySelector('[role="grid"]');
    if (grid) {
      report.frames += 1;
      const box = grid.getBoundingClientRect();
      const head = grid.querySelector('.mention-table__head');
      const top = box.top + (head ? head.getBoundingClientRect().height : 0);
      const bottom = Math.min(box.bottom, top + grid.scrollHeight - grid.scrollTop);
      const blankNow = new Set();
      let covered = 0;
      for (const row of grid.querySelectorAll('[role="row"][data-index]')) {
        const r = row.getBoundingClientRect();
        if (r.bottom <= top || r.top >= bottom) continue;
        covered += Math.min(r.bottom, bottom) - Math.max(r.top, top);
        if (row.getAttribute('aria-busy') === 'true') blankNow.add(Number(row.dataset.index));
      }
      if (bottom - top - covered > 36) report.gapFrames += 1;
      if (blankNow.size) report.blankFrames += 1;
      // Time with a blank row on screen (frame to frame): frames are long on a busy machine, so counted
      // frames alone flatter a slow page.
      if (previous !== null && blank.size) report.blankMs += Math.round(now - previous);
      previous = now;
      for (const index of [...blank.keys()]) if (!blankNow.has(index)) end(index, now);
      for (const index of blankNow) {
        const was = blank.get(index);
        if (was) was.frames += 1;
        else blank.set(index, { since: now, frames: 1 });
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/**
 * Notes when each engine call of the list leaves the page and when its answer is back (page time), so a
 * first-rows time splits into: until the first page is asked, the engine and transport, and the render.
 */
const CALL_LOG = `(() => {
  const original = window.fetch.bind(window);
  window.benchCalls = [];
  window.benchAllCalls = [];
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = /\\/api\\/([^?]+)/.exec(url);
    if (!method) return original(input, init);
    const entry = { method: decodeURIComponent(method[1]), body: String(init && init.body || ''), start: performance.now(), end: 0 };
    // Every engine call, to tell what was still on its way (the engine answers one call at a time) when a
    // first page was asked for.
    window.benchAllCalls.push(entry);
    if (window.benchAllCalls.length > 2000) window.benchAllCalls.splice(0, 1000);
    if (/mentions\\.list|inbox\\.count/.test(method[1])) window.benchCalls.push(entry);
    try {
      return await original(input, init);
    } finally {
      entry.end = performance.now();
      // A mark in a Chromium trace (BENCH_SCROLL_TRACE): the page's answer is back.
      if (entry.body.includes('"offset":0,')) console.timeStamp('bench:firstPageAnswered');
    }
  };
})()`;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds used so far by this process's descendants except `except` (the browser: its renderer, GPU and
 * browser processes), from /proc (Linux); null elsewhere. Steadier than wall or task times on a shared machine.
 */
function browserCpuSeconds(except: number | undefined): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const parentOf = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      parentOf.set(Number(name), Number(fields[1]));
      cpu.set(Number(name), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // Gone meanwhile.
    }
  }
  const within = (pid: number): boolean => {
    for (let at = parentOf.get(pid); at !== undefined && at > 1; at = parentOf.get(at)) {
      if (at === except) return false;
      if (at === process.pid) return true;
    }
    return false;
  };
  let total = 0;
  for (const [pid, seconds] of cpu) if (pid !== except && within(pid)) total += seconds;
  return total;
}

/** Starts the frame monitor in the page (again: it resets). */
async function startMonitor(page: Page): Promise<void> {
  await page.evaluate(MONITOR);
}

async function stopMonitor(page: Page): Promise<FrameReport> {
  // Let the last pages land, so a row still blank at the end is counted too.
  await page.waitForTimeout(300);
  await page.evaluate('window.inboxMonitor.stop = true');
  // One more frame, in which the monitor closes the blanks still open.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return page.evaluate('window.inboxMonitor.report') as Promise<FrameReport>;
}

/** Waits (per animation frame) until the list shows rows with data from the top, and every visible row has data. */
async function settled(page: Page, timeoutMs = 60_000): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const grid = document.querySelector('[role="grid"]');
        return (
          grid !== null &&
          grid.querySelector('[role="row"][data-index]') !== null &&
          !grid.querySelector('[aria-busy="true"]')
        );
      },
      null,
      { polling: 'raf', timeout: timeoutMs },
    )
    .catch(async (error: unknown) => {
      const state = await page.evaluate(`(() => {
      const grid = document.querySelector('[role="grid"]');
      if (!grid) return 'no list on the page';
      const busy = [...grid.querySelectorAll('[aria-busy="true"][data-index]')].map((row) => row.dataset.index);
      const head = document.querySelector('.page-header__meta');
      return 'rows ' + grid.getAttribute('aria-rowcount') + ', header ' + (head && head.textContent) +
        ', scrollTop ' + grid.scrollTop + ' of ' + grid.scrollHeight + ', still loading: ' + busy.slice(0, 5).join(' ');
    })()`);
      throw new Error(`the list did not settle within ${timeoutMs / 1000} s (${String(state)}): ${String(error)}`);
    });
}

async function toTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('[role="grid"]')?.scrollTo({ top: 0 }));
  await settled(page);
}

/** A first-rows time and where it went (ms from the action). */
interface FirstRows {
  ms: number;
  /** The first page of the new list was asked for… */
  pageAskedMs: number | null;
  /** …and answered (engine + transport in between). */
  pageAnsweredMs: number | null;
  /** Engine calls still on their way when the first page was asked for (it queued behind them). */
  waitedOn: string[];
  /** The page got the change event (select change, hashchange) this long after `act` began. */
  eventMs: number | null;
}

/**
 * Ms from `act` until the frame that shows the new list's first row with data has been painted (its rendering
 * done, not only its animation-frame callback: a new list's first frame costs 20-50 ms). A new filter or sort is a
 * new list (the old grid leaves the page), so the old grid is marked and the first row of another one waited for.
 */
async function firstRowsAfter(page: Page, act: () => Promise<void>): Promise<FirstRows> {
  await page.evaluate(`(() => {
    const old = document.querySelector('[role="grid"]');
    old.dataset.benchOld = '1';
    window.benchOldList = old.dataset.list;
    window.benchCalls = [];
    window.benchAt = performance.now();
    window.benchPaintedAt = null;
    window.benchPainting = false;
    // When the page itself got the change (the select's change, the address's hashchange): before it, the
    // time is the bench driver's (Playwright's round trips), which a person's click does not have.
    window.benchEventAt = null;
    const note = () => {
      if (window.benchEventAt === null) {
        window.benchEventAt = performance.now();
        console.timeStamp('bench:changeEvent');
      }
      window.removeEventListener('change', note, true);
      window.removeEventListener('hashchange', note, true);
    };
    window.addEventListener('change', note, true);
    window.addEventListener('hashchange', note, true);
  })()`);
  await act();
  const handle = await page.waitForFunction(
    () => {
      const grid = document.querySelector<HTMLElement>('[role="grid"]');
      // The old list: the same grid showing the same list (a table kept across lists says which in data-list).
      const old =
        grid?.dataset.benchOld && grid.dataset.list === (window as unknown as { benchOldList?: string }).benchOldList;
      if (!grid || old || !grid.querySelector('[role="row"][aria-rowindex="2"]:not([aria-busy])')) return false;
      const at = window as unknown as {
        benchAt: number;
        benchEventAt: number | null;
        benchPaintedAt: number | null;
        benchPainting: boolean;
      };
      // The rows are there in this animation frame; they are on screen once its rendering (style, layout,
      // paint) is done: a task queued here runs right after it.
      if (at.benchPaintedAt === null) {
        if (!at.benchPainting) {
          at.benchPainting = true;
          console.timeStamp('bench:rowsShown');
          setTimeout(() => {
            at.benchPaintedAt = performance.now();
          }, 0);
        }
        return false;
      }
      return [at.benchPaintedAt - at.benchAt, at.benchEventAt === null ? null : at.benchEventAt - at.benchAt];
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  const [shownAt, eventAt] = (await handle.jsonValue()) as [number, number | null];
  const ms = Math.round(shownAt);
  const call = (await page.evaluate(`(() => {
    const first = window.benchCalls.find((c) => c.method === 'mentions.list' && /"offset":0[,}]/.test(c.body));
    if (!first) return null;
    // Calls still on their way when the first page left: the engine answers one at a time, so the page waits.
    const before = window.benchAllCalls.filter((c) => c !== first && c.start <= first.start && (c.end === 0 || c.end > first.start));
    const label = (c) => c.method + (c.method === 'mentions.list' ? '@' + (/"offset":(\\d+)/.exec(c.body) || [])[1] : '');
    return {
      asked: first.start - window.benchAt,
      answered: first.end ? first.end - window.benchAt : null,
      waitedOn: before.map(label),
    };
  })()`)) as { asked: number; answered: number | null; waitedOn: string[] } | null;
  return {
    ms,
    pageAskedMs: call ? Math.round(call.asked) : null,
    pageAnsweredMs: call?.answered == null ? null : Math.round(call.answered),
    waitedOn: call?.waitedOn ?? [],
    eventMs: eventAt === null ? null : Math.round(eventAt),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { message?: string } };
}

/**
 * Where the renderer's main thread spent the time between a first page's answer and the end of the frame that
 * showed its rows (the task the `bench:rowsShown` mark falls in: its style, layout, paint and layerizing), from a
 * Chromium trace (BENCH_SCROLL_TRACE=1): self ms per trace event (FunctionCall is script, UpdateLayoutTree style,
 * Layout, Paint…), summed over the changes; `idle` is time no task ran (waiting for a frame).
 */
function renderSplit(trace: Buffer, whole = false) {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('bench:'));
  // The page's main thread: where the marks are, else the renderer main thread with the most events.
  const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const size = (t: TraceEvent) => events.filter((e) => e.pid === t.pid && e.tid === t.tid).length;
  const main = marks[0] ?? threads.sort((a, b) => size(b) - size(a))[0];
  if (!main) return { windows: 0 };
  const onMain = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const windows: [number, number][] = [];
  if (whole && onMain.length) windows.push([onMain[0]!.ts, Math.max(...onMain.map((e) => e.ts + (e.dur ?? 0)))]);
  let answered: number | null = null;
  for (const mark of whole ? [] : marks.sort((a, b) => a.ts - b.ts)) {
    if (mark.args?.data?.message === 'bench:firstPageAnswered') answered = mark.ts;
    else if (answered !== null) {
      // To the end of the outermost event around the mark: the frame's task.
      const around = onMain.filter((e) => e.ts <= mark.ts && mark.ts <= e.ts + (e.dur ?? 0));
      windows.push([answered, Math.max(mark.ts, ...around.map((e) => e.ts + (e.dur ?? 0)))]);
      answered = null;
    }
  }
  const self = new Map<string, number>();
  let span = 0;
  let busy = 0;
  for (const [from, to] of windows) {
    span += to - from;
    const stack: { end: number; name: string; child: number; own: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1]!.end <= until) {
        const done = stack.pop()!;
        self.set(done.name, (self.get(done.name) ?? 0) + Math.max(0, done.own - done.child));
      }
    };
    for (const event of onMain) {
      const start = Math.max(event.ts, from);
      const end = Math.min(event.ts + (event.dur ?? 0), to);
      if (end <= start) continue;
      close(start);
      const own = end - start;
      if (stack.length) stack[stack.length - 1]!.child += own;
      else busy += own;
      stack.push({ end, name: event.name, child: 0, own });
    }
    close(Infinity);
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    windows: windows.length,
    totalMs: ms(span),
    idleMs: ms(span - busy),
    selfMs: Object.fromEntries(
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 14)
        .map(([name, us]) => [name, ms(us)]),
    ),
  };
}

/**
 * BENCH_SCROLL_TRACE_CATEGORIES=a,b adds trace categories (disabled-by-default-v8.cpu_profiler: the script's
 * samples, to see which functions a change's render spends its time in).
 */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink',
  ...(process.env.BENCH_SCROLL_TRACE_CATEGORIES?.split(',').map((name) => name.trim()) ?? []).filter(Boolean),
];

/** BENCH_SCROLL_PHASES=scrollJumps,sortChange runs only those phases (default: all). */
const PHASES = process.env.BENCH_SCROLL_PHASES?.split(',').map((name) => name.trim());
const wanted = (name: string) => !PHASES || PHASES.includes(name);

/** BENCH_SCROLL_CHANGES=n runs the six sort changes and the six filter changes n times over (default once). */
const CHANGE_ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_SCROLL_CHANGES ?? 1)) || 1);

/**
 * BENCH_SCROLL_CHANGE_GAP_MS=n waits n ms after each sort or filter change's list has settled (default 0): an
 * operator who looks at a list for a second or more before the next change, when the engine has begun reading
 * the list in the background (a second after its first page) and counting it.
 */
const CHANGE_GAP_MS = Math.max(0, Number(process.env.BENCH_SCROLL_CHANGE_GAP_MS ?? 0) || 0);

const progress = (what: string) => process.stderr.write(`inbox-scroll: ${what}\n`);

function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: at(1) };
}

function summary(times: FirstRows[]) {
  const total = quantiles(times.map((t) => t.ms));
  const asked = times.flatMap((t) => (t.pageAskedMs === null ? [] : [t.pageAskedMs]));
  const engine = times.flatMap((t) =>
    t.pageAskedMs === null || t.pageAnsweredMs === null ? [] : [t.pageAnsweredMs - t.pageAskedMs],
  );
  const render = times.flatMap((t) => (t.pageAnsweredMs === null ? [] : [t.ms - t.pageAnsweredMs]));
  const fromEvent = times.flatMap((t) => (t.eventMs === null ? [] : [t.ms - t.eventMs]));
  const eventToAsked = times.flatMap((t) =>
    t.eventMs === null || t.pageAskedMs === null ? [] : [t.pageAskedMs - t.eventMs],
  );
  return {
    runs: times.length,
    medianMs: total.median,
    p95Ms: total.p95,
    maxMs: total.max,
    // Where the time went (medians): before the first page was asked, the page's round trip, after it.
    untilPageAskedMs: quantiles(asked).median,
    pageRoundTripMs: quantiles(engine).median,
    pageRoundTripP95Ms: quantiles(engine).p95,
    afterPageMs: quantiles(render).median,
    // From the change event in the page (without the bench driver's own latency before it).
    fromEventMedianMs: quantiles(fromEvent).median,
    fromEventP95Ms: quantiles(fromEvent).p95,
    eventToPageAskedMs: quantiles(eventToAsked).median,
    all: times.map((t) => t.ms),
    // Per change: [the change event, until the first page was asked, its round trip, after it] (ms).
    parts: times.map((t) => [
      t.eventMs,
      t.pageAskedMs,
      t.pageAskedMs === null || t.pageAnsweredMs === null ? null : t.pageAnsweredMs - t.pageAskedMs,
      t.pageAnsweredMs === null ? null : t.ms - t.pageAnsweredMs,
    ]),
    // Per change, the calls the first page found on their way (an empty list: the engine was free).
    waitedOn: times.map((t) => t.waitedOn.join(' ')),
  };
}

/**
 * The renderer's main-thread busy time so far (Chromium's TaskDuration: every task it ran, in seconds) and
 * the part of it that was script; set once the page is open.
 */
let rendererBusy: (() => Promise<{ task: number; script: number }>) | null = null;

/**
 * Runs a phase and adds the engine's CPU seconds, the renderer's main-thread busy seconds and the load
 * average to what it reports.
 */
async function phase<T extends object>(server: ChildProcess, what: string, body: () => Promise<T>) {
  progress(what);
  const before = cpuSeconds(server.pid);
  slowCalls.length = 0;
  const browserBefore = browserCpuSeconds(server.pid);
  const busyBefore = await rendererBusy?.();
  const wall = performance.now();
  const result = await body();
  const after = cpuSeconds(server.pid);
  const browserAfter = browserCpuSeconds(server.pid);
  const busyAfter = await rendererBusy?.();
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    ...result,
    wallSeconds: Math.round((performance.now() - wall) / 100) / 10,
    engineCpuSeconds: before === null || after === null ? null : round(after - before),
    browserCpuSeconds: browserBefore === null || browserAfter === null ? null : round(browserAfter - browserBefore),
    rendererTaskSeconds: busyBefore && busyAfter ? round(busyAfter.task - busyBefore.task) : null,
    rendererScriptSeconds: busyBefore && busyAfter ? round(busyAfter.script - busyBefore.script) : null,
    load1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    // Calls that took the engine itself over 100 ms (its own log), in the order they ended.
    engineSlowCalls: slowCalls.splice(0),
  };
}

export async function benchInboxScroll(): Promise<Record<string, unknown>> {
  requireBuild();
  const kept = process.env.BENCH_WORKSPACE;
  const temp = kept ? null : mkdtempSync(path.join(tmpdir(), 'watchpost-bench-scroll-'));
  const dataDir = kept ?? path.join(temp as string, 'workspace');
  const mentions = Number(process.env.BENCH_SCROLL_MENTIONS ?? 500_000);
  let made: Record<string, unknown> | string = 'reused';
  if (!kept || !existsSync(path.join(dataDir, 'watchpost.db'))) {
    const started = performance.now();
    await run(
      [CLI, 'demo', '--data', dataDir, '--mentions', String(mentions), '--years', '3', '--seed', '1'],
      1_800_000,
    );
    made = { mentions, seconds: Math.round((performance.now() - started) / 1000) };
  }
  const { url, child } = await serve(dataDir);
  const browser = await launchChromium();
  try {
    const session = await openSession(browser, `${url}/#/inbox`);
    const page = session.page;
    await page.addInitScript(CALL_LOG);
    await page.reload();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    rendererBusy = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { task: metric('TaskDuration'), script: metric('ScriptDuration') };
    };
    const opened = performance.now();
    await settled(page);
    const firstOpenMs = Math.round(performance.now() - opened);
    if (process.env.BENCH_SCROLL_CSS) await addStyleSheet(page, process.env.BENCH_SCROLL_CSS);
    const grid = page.getByRole('grid');
    const rows = Number(await grid.getAttribute('aria-rowcount')) - 1;
    const header = await page.locator('.page-header__meta').first().textContent();
    const results: Record<string, unknown> = { workspace: made, rows, header, firstOpenMs };

    // End: straight to the last row.
    if (wanted('end'))
      results.end = await phase(child, 'end', async () => {
        await grid.focus();
        await startMonitor(page);
        await page.keyboard.press('End');
        await settled(page);
        return stopMonitor(page);
      });
    await toTop(page);

    // PageDown, 60 times at 10 a second.
    if (wanted('pageDown'))
      results.pageDown = await phase(child, 'pageDown', async () => {
        await grid.focus();
        await startMonitor(page);
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('PageDown');
          await page.waitForTimeout(100);
        }
        await settled(page);
        return stopMonitor(page);
      });
    await toTop(page);

    // j held down: 300 rows at a key repeat of 30 a second.
    if (wanted('holdJ'))
      results.holdJ = await phase(child, 'holdJ', async () => {
        await grid.focus();
        await startMonitor(page);
        for (let i = 0; i < 300; i++) {
          await page.keyboard.press('j');
          await page.waitForTimeout(33);
        }
        await settled(page);
        return stopMonitor(page);
      });
    await toTop(page);

    // The scrollbar: dragged from top to bottom in 2 s (60 moves), or, without a visible scrollbar, the
    // same 60 scroll positions a drag passes through.
    if (wanted('scrollbar'))
      results.scrollbar = await phase(child, 'scrollbar', async () => {
        const box = (await grid.boundingBox())!;
        const bar = await grid.evaluate((element) => (element as HTMLElement).offsetWidth - element.clientWidth);
        await startMonitor(page);
        if (bar > 0) {
          const x = box.x + box.width - bar / 2;
          await page.mouse.move(x, box.y + 34);
          await page.mouse.down();
          for (let i = 1; i <= 60; i++) {
            await page.mouse.move(x, box.y + 34 + ((box.height - 40) * i) / 60);
            await page.waitForTimeout(33);
          }
          await page.mouse.up();
        } else {
          for (let i = 1; i <= 60; i++) {
            await grid.evaluate((element, share) => element.scrollTo({ top: element.scrollHeight * share }), i / 60);
            await page.waitForTimeout(33);
          }
        }
        await settled(page);
        return { ...(await stopMonitor(page)), dragged: bar > 0 };
      });
    await toTop(page);

    // Scrollbar jumps: 60 places anywhere in the list (a fixed pseudo-random sequence) in 2 s, as clicks
    // in the scrollbar's track do.
    const traceJumps = process.env.BENCH_SCROLL_TRACE === 'jumps';
    if (traceJumps) await browser.startTracing(page, { categories: ['devtools.timeline'] });
    if (wanted('scrollJumps'))
      results.scrollJumps = await phase(child, 'scrollJumps', async () => {
        await startMonitor(page);
        let seed = 12345;
        for (let i = 0; i < 60; i++) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          const share = seed / 2147483648;
          await grid.evaluate((element, to) => element.scrollTo({ top: element.scrollHeight * to }), share);
          await page.waitForTimeout(33);
        }
        await settled(page);
        return stopMonitor(page);
      });
    if (traceJumps) results.jumpsTrace = renderSplit(await browser.stopTracing(), true);
    await toTop(page);

    // Sort and filter changes: until the first rows of the new list show.
    const sort = page.getByRole('combobox', { name: /^(Volgorde|Order|Sort)/ });
    const tracing = process.env.BENCH_SCROLL_TRACE === '1';
    if (tracing) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    if (wanted('sortChange'))
      results.sortChange = await phase(child, 'sort changes', async () => {
        const times: FirstRows[] = [];
        for (const to of Array.from({ length: 2 * CHANGE_ROUNDS }, () => ['oldest', 'priority', 'newest']).flat()) {
          times.push(await firstRowsAfter(page, () => sort.selectOption(to).then(() => undefined)));
          await settled(page);
          if (CHANGE_GAP_MS) await page.waitForTimeout(CHANGE_GAP_MS);
        }
        return summary(times);
      });
    const filters = [
      { sentiment: ['negative'] },
      { channel: ['x'] },
      { sentiment: ['positive'], lang: ['nl'] },
      { status: ['new'] },
      { channel: ['mastodon'], sentiment: ['negative'] },
      {},
    ];
    if (wanted('filterChange'))
      results.filterChange = await phase(child, 'filter changes', async () => {
        const times: FirstRows[] = [];
        for (const filter of Array.from({ length: CHANGE_ROUNDS }, () => filters).flat()) {
          const hash = `#/inbox?filter=${encodeURIComponent(JSON.stringify(filter))}`;
          times.push(
            await firstRowsAfter(page, () => page.evaluate((next) => void (window.location.hash = next), hash)),
          );
          await settled(page);
          if (CHANGE_GAP_MS) await page.waitForTimeout(CHANGE_GAP_MS);
        }
        return summary(times);
      });
    // Round trips of single calls from the page to an engine with nothing else to do: what a page costs
    // beyond its SQL (the engine's dispatch, serialisation, the host's HTTP hop, the page's parse).
    if (wanted('roundTrip'))
      results.roundTrip = await phase(child, 'roundTrip', async () => {
        await page.waitForTimeout(2000);
        return page.evaluate(`(async () => {
          const time = async (method, input) => {
            const ms = [];
            for (let i = 0; i < 15; i++) {
              const start = performance.now();
              const response = await fetch('/api/' + method, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
              const body = await response.json();
              if (!body.ok) throw new Error(method + ': ' + JSON.stringify(body.error));
              ms.push(performance.now() - start);
            }
            ms.sort((a, b) => a - b);
            return Math.round(ms[7] * 10) / 10;
          };
          const list = (offset, limit) => ({ offset, limit, sort: 'newest', filter: {} });
          return {
            appInfoMs: await time('app.info', {}),
            firstPage100Ms: await time('mentions.list', list(0, 100)),
            deepPage100Ms: await time('mentions.list', list(250000, 100)),
            deepPage25Ms: await time('mentions.list', list(250000, 25)),
          };
        })()`) as Promise<Record<string, number>>;
      });
    if (tracing) {
      const trace = await browser.stopTracing();
      results.afterPageTrace = renderSplit(trace);
      // BENCH_SCROLL_TRACE_FILE=path keeps the trace (chrome://tracing, Perfetto) for a closer look.
      if (process.env.BENCH_SCROLL_TRACE_FILE) writeFileSync(process.env.BENCH_SCROLL_TRACE_FILE, trace);
    }
    results.budget = { blankFlashLongerThanAFrame: 0, firstRowsMs: 100 };
    rendererBusy = null;
    await session.close();
    return results;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
