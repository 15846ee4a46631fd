import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, openSession } from '../tests/e2e/support/browser';
import { startHost } from '../tests/e2e/support/host';

/**
 * Where the first second of the Trends page goes (issue #7), against the built app as bench/trends-page.ts
 * measures it: from a click on Trends with the inbox open, and a cold load of `#/trends`. Prints, per case,
 * the requests made after the navigation (chunks and engine calls, start and end), the long tasks, when each
 * panel finished, and a CPU profile of the renderer's main thread summed by script and by function.
 *
 * BENCH_TRENDS_MENTIONS (default 100k), BENCH_TRENDS_RUNS (default 2).
 */

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per script and the heaviest functions, from a CDP CPU profile. */
function summariseProfile(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)!;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const script = frame.url ? frame.url.replace(/^.*\//, '') : `(${frame.functionName || 'native'})`;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const fn = `${frame.functionName || '(anonymous)'} ${script}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, n: number) =>
    Object.fromEntries(
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => [k, Math.round(v)]),
    );
  return { selfMsByScript: top(byScript, 12), selfMsByFunction: top(byFunction, 25) };
}

/** Installs observers in the page: long tasks and the moment each panel stops being busy. */
async function observe(page: Page): Promise<void> {
  // A string, not a function: tsx names inner functions with a helper the page does not have.
  await page.evaluate(`(() => {
    window.benchLong = [];
    window.benchPanels = {};
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.benchLong.push({ at: Math.round(entry.startTime), ms: Math.round(entry.duration) });
    }).observe({ type: 'longtask', buffered: true });
    const check = () => {
      for (const panel of document.querySelectorAll('.trend-panel')) {
        const name = panel.getAttribute('aria-label') ?? '?';
        const drawn =
          panel.getAttribute('aria-busy') === 'false' &&
          panel.querySelector('.trend-chart[data-drawn="true"] svg path, .term-lists, .state-message') !== null;
        if (drawn && window.benchPanels[name] === undefined) window.benchPanels[name] = Math.round(performance.now());
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
}

async function collect(page: Page, since: number) {
  return page.evaluate(`(() => {
    const t0 = ${since};
    const rel = (n) => Math.round(n - t0);
    return {
      requests: performance
        .getEntriesByType('resource')
        .filter((r) => r.startTime >= t0 - 5)
        .map((r) => rel(r.startTime) + '→' + rel(r.responseEnd) + ' ' + r.name.replace(/^https?:\\/\\/[^/]+/, '') +
          (r.transferSize ? ' ' + Math.round(r.transferSize / 1024) + 'kB' : '')),
      longTasks: window.benchLong.filter((task) => task.at >= t0 - 5).map((task) => rel(task.at) + '+' + task.ms),
      panelsDone: Object.fromEntries(Object.entries(window.benchPanels).map(([k, v]) => [k, rel(v)])),
    };
  })()`) as Promise<Record<string, unknown>>;
}

async function profiled<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return { result, profile };
}

function allDrawn(page: Page) {
  return page.waitForFunction(
    () => {
      const all = [...document.querySelectorAll('.trend-panel')];
      return (
        all.length >= 6 &&
        all.every(
          (panel) =>
            panel.getAttribute('aria-busy') === 'false' &&
            panel.querySelector('.trend-chart[data-drawn="true"] svg path, .term-lists, .state-message') !== null,
        )
      );
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
}

export async function profileTrendsPage(): Promise<Record<string, unknown>> {
  const mentions = Number(process.env.BENCH_TRENDS_MENTIONS ?? 100_000);
  const runs = Number(process.env.BENCH_TRENDS_RUNS ?? 2);
  const host = await startHost({ mentions, timeoutMs: 600_000 });
  const browser = await launchChromium();
  const out: Record<string, unknown>[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const desk = await openSession(browser, `${host.url}/#/inbox`);
      await desk.page.waitForLoadState('networkidle');
      await desk.page.waitForTimeout(1500);
      await observe(desk.page);
      const cdp = await desk.context.newCDPSession(desk.page);
      const { result: clickAt, profile } = await profiled(cdp, async () => {
        const at = await desk.page.evaluate(() => {
          const now = performance.now();
          document.querySelector<HTMLAnchorElement>('nav a[href="#/trends"]')!.click();
          return now;
        });
        await allDrawn(desk.page);
        return at;
      });
      const fromInbox = { load: loadavg()[0], ...(await collect(desk.page, clickAt)), ...summariseProfile(profile) };
      await desk.close();

      const cold = await openSession(browser, 'about:blank');
      const coldCdp = await cold.context.newCDPSession(cold.page);
      const { profile: coldProfile } = await profiled(coldCdp, async () => {
        await cold.page.goto(`${host.url}/#/trends`);
        await observe(cold.page);
        await allDrawn(cold.page);
      });
      const coldResult = { load: loadavg()[0], ...(await collect(cold.page, 0)), ...summariseProfile(coldProfile) };
      await cold.close();
      out.push({ run, fromInbox, cold: coldResult });
    }
    return { mentions, runs: out };
  } finally {
    await browser.close();
    await host.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await profileTrendsPage(), null, 2));
}
