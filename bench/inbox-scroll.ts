import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openSession } from '../tests/e2e/support/browser';
import { requireBuild } from '../tests/e2e/support/host';

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
 *   the animation frame where the first rows show the new list, split into: until the new list's first page
 *   is asked for, its round trip (engine + transport), and after it (the renderer drawing the rows).
 *
 * Every phase reports its wall seconds, the CPU seconds of the engine process (`watchpost serve`) and the
 * load average: the machine is shared, so wall times alone say little.
 *
 * BENCH_WORKSPACE=DIR uses that workspace as it is (made once with `watchpost demo --data DIR`); otherwise
 * a demo of BENCH_SCROLL_MENTIONS (default 500,000) is made in a temp folder and removed after.
 */

const CLI = path.resolve('out/main/cli.js');
const URL_LINE = /Watchpost is running at (http:\/\/127\.0\.0\.1:\d+)/;

interface FrameReport {
  frames: number;
  blankFrames: number;
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
  const report = { frames: 0, blankFrames: 0, flashes: 0, longestFlashMs: 0, longestFlashFrames: 0, gapFrames: 0 };
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
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = /\\/api\\/([^?]+)/.exec(url);
    if (!method || !/mentions\\.list|inbox\\.count/.test(method[1])) return original(input, init);
    const entry = { method: decodeURIComponent(method[1]), body: String(init && init.body || ''), start: performance.now(), end: 0 };
    window.benchCalls.push(entry);
    try {
      return await original(input, init);
    } finally {
      entry.end = performance.now();
    }
  };
})()`;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
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
}

/**
 * Ms from `act` to the frame where the new list shows its first row with data. A new filter or sort is a
 * new list (the old grid leaves the page), so the old grid is marked and the first row of another one waited for.
 */
async function firstRowsAfter(page: Page, act: () => Promise<void>): Promise<FirstRows> {
  await page.evaluate(`(() => {
    const old = document.querySelector('[role="grid"]');
    old.dataset.benchOld = '1';
    window.benchOldList = old.dataset.list;
    window.benchCalls = [];
    window.benchAt = performance.now();
  })()`);
  await act();
  const handle = await page.waitForFunction(
    () => {
      const grid = document.querySelector<HTMLElement>('[role="grid"]');
      // The old list: the same grid showing the same list (a table kept across lists says which in data-list).
      const old =
        grid?.dataset.benchOld && grid.dataset.list === (window as unknown as { benchOldList?: string }).benchOldList;
      if (!grid || old || !grid.querySelector('[role="row"][aria-rowindex="2"]:not([aria-busy])')) return false;
      return performance.now() - (window as unknown as { benchAt: number }).benchAt;
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = Math.round((await handle.jsonValue()) as number);
  const call = (await page.evaluate(`(() => {
    const first = window.benchCalls.find((c) => c.method === 'mentions.list' && /"offset":0[,}]/.test(c.body));
    return first ? { asked: first.start - window.benchAt, answered: first.end ? first.end - window.benchAt : null } : null;
  })()`)) as { asked: number; answered: number | null } | null;
  return {
    ms,
    pageAskedMs: call ? Math.round(call.asked) : null,
    pageAnsweredMs: call?.answered == null ? null : Math.round(call.answered),
  };
}

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
    all: times.map((t) => t.ms),
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
  const busyBefore = await rendererBusy?.();
  const wall = performance.now();
  const result = await body();
  const after = cpuSeconds(server.pid);
  const busyAfter = await rendererBusy?.();
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    ...result,
    wallSeconds: Math.round((performance.now() - wall) / 100) / 10,
    engineCpuSeconds: before === null || after === null ? null : round(after - before),
    rendererTaskSeconds: busyBefore && busyAfter ? round(busyAfter.task - busyBefore.task) : null,
    rendererScriptSeconds: busyBefore && busyAfter ? round(busyAfter.script - busyBefore.script) : null,
    load1: Math.round((loadavg()[0] ?? 0) * 100) / 100,
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
    const grid = page.getByRole('grid');
    const rows = Number(await grid.getAttribute('aria-rowcount')) - 1;
    const header = await page.locator('.page-header__meta').first().textContent();
    const results: Record<string, unknown> = { workspace: made, rows, header, firstOpenMs };

    // End: straight to the last row.
    results.end = await phase(child, 'end', async () => {
      await grid.focus();
      await startMonitor(page);
      await page.keyboard.press('End');
      await settled(page);
      return stopMonitor(page);
    });
    await toTop(page);

    // PageDown, 60 times at 10 a second.
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
    await toTop(page);

    // Sort and filter changes: until the first rows of the new list show.
    const sort = page.getByRole('combobox', { name: /^(Volgorde|Order|Sort)/ });
    results.sortChange = await phase(child, 'sort changes', async () => {
      const times: FirstRows[] = [];
      for (const to of ['oldest', 'priority', 'newest', 'oldest', 'priority', 'newest']) {
        times.push(await firstRowsAfter(page, () => sort.selectOption(to).then(() => undefined)));
        await settled(page);
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
    results.filterChange = await phase(child, 'filter changes', async () => {
      const times: FirstRows[] = [];
      for (const filter of filters) {
        const hash = `#/inbox?filter=${encodeURIComponent(JSON.stringify(filter))}`;
        times.push(await firstRowsAfter(page, () => page.evaluate((next) => void (window.location.hash = next), hash)));
        await settled(page);
      }
      return summary(times);
    });
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
